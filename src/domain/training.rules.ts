// The training programme of seed 001 Vedlegg 06 ("Kurset er delt inn i 6 moduler"; "Kriterier for godkjent
// kurs: Gjennomført E-læringskurs"): completing all six is a person's approval as a member (§7.5). Pure.

export const trainingModules = [
  {
    number: 1,
    title: 'Intro styringsmodell for anskaffelser',
    topics: ['Prosess fra bestilling til betaling', 'Økonomi, marked og fag', 'Miljø og bærekraft'],
  },
  {
    number: 2,
    title: 'Styring av prosjekt og styringssystem',
    topics: [
      'Formål',
      'Roller og ansvar',
      'Overordnede styringsrammer: muligheter og begrensninger',
      'Beslutningsansvar og praksis for rapportering og avvikshåndtering',
      'Kommunikasjonspraksis og oppfølging av prosjekt',
    ],
  },
  { number: 3, title: 'Porteføljekontor', topics: [] },
  { number: 4, title: 'Prosjektledelse og viktige suksessfaktorer for et godt resultat', topics: [] },
  { number: 5, title: 'Offentlige anskaffelser, mål, muligheter og begrensninger', topics: [] },
  { number: 6, title: 'Personvern og informasjonssikkerhet i prosjektarbeid', topics: [] },
] as const;

export const TRAINING_MODULE_COUNT = trainingModules.length;

export interface TrainingProgress {
  completed: number[];
  isComplete: boolean;
  /** The day the last of the six modules was completed. */
  completedOn: string | null;
}

export function trainingProgress(
  completions: Array<{ module: number; completedOn: string }>,
): TrainingProgress {
  const byModule = new Map<number, string>();
  for (const completion of completions) {
    const earlier = byModule.get(completion.module);
    if (earlier === undefined || completion.completedOn < earlier)
      byModule.set(completion.module, completion.completedOn);
  }
  const completed = trainingModules.map((m) => m.number).filter((n) => byModule.has(n));
  const isComplete = completed.length === TRAINING_MODULE_COUNT;
  return {
    completed,
    isComplete,
    completedOn: isComplete ? [...byModule.values()].sort().at(-1)! : null,
  };
}

/** A member to onboard: active and not yet through the course (the approval criterion of §7.5). */
export function needsOnboarding(
  member: { termStart: string; endedOn: string | null; trainingCompletedOn: string | null },
  today: string,
): boolean {
  return (
    member.trainingCompletedOn === null &&
    member.termStart <= today &&
    (member.endedOn === null || member.endedOn > today)
  );
}

/** Why a module cannot be recorded as completed on that day, or null: never after today (the one clock). */
export function completionDateProblem(completedOn: string, today: string): string | null {
  if (completedOn > today) return 'En modul kan ikke registreres som fullført fram i tid.';
  return null;
}
