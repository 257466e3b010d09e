// Composition rules for a steering group (seed 001 §7.5). Pure: members in, checks out.
export type CompetenceArea = 'okonomi' | 'marked' | 'fag';

export const competenceAreaLabels: Record<CompetenceArea, string> = {
  okonomi: 'økonomi',
  marked: 'marked',
  fag: 'fag',
};

export interface CompositionMember {
  membershipId: string;
  personName: string;
  rhfId: string;
  rhfName: string;
  isLeader: boolean;
  isObserver: boolean;
  competenceAreas: readonly CompetenceArea[];
  termStart: string;
  termEnd: string | null;
  trainingCompletedOn: string | null;
}

export interface CompositionRhf {
  id: string;
  name: string;
  /** Helse Sør-Øst may have two deciding members. */
  maxDecidingMembers: number;
}

export interface CompositionCheck {
  level: 'error' | 'warning';
  code:
    | 'tooManyFromRhf'
    | 'noLeader'
    | 'severalLeaders'
    | 'missingCompetence'
    | 'shortTerm'
    | 'simultaneousReplacement'
    | 'trainingMissing'
    | 'rhfNotRepresented';
  message: string;
  membershipIds: string[];
}

export const MIN_TERM_YEARS = 2;
export const REPLACEMENT_WINDOW_DAYS = 90;

/** A member counts while their term covers the day; future and past members are shown but not counted. */
export function isActiveOn(member: Pick<CompositionMember, 'termStart' | 'termEnd'>, day: string): boolean {
  return member.termStart <= day && (member.termEnd === null || member.termEnd >= day);
}

function addYears(isoDate: string, years: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y + years, m - 1, d));
  // 29 February plus whole years lands on 1 March in a common year; that is still "two years".
  return date.toISOString().slice(0, 10);
}

function daysBetween(a: string, b: string): number {
  return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000;
}

export function checkComposition(
  members: readonly CompositionMember[],
  rhfs: readonly CompositionRhf[],
  today: string,
): CompositionCheck[] {
  const checks: CompositionCheck[] = [];
  const active = members.filter((member) => isActiveOn(member, today));
  const deciding = active.filter((member) => !member.isObserver);

  for (const rhf of rhfs) {
    const fromRhf = deciding.filter((member) => member.rhfId === rhf.id);
    if (fromRhf.length > rhf.maxDecidingMembers) {
      checks.push({
        level: 'error',
        code: 'tooManyFromRhf',
        message: `${rhf.name} har ${fromRhf.length} beslutningsmedlemmer; høyst ${rhf.maxDecidingMembers} er tillatt.`,
        membershipIds: fromRhf.map((member) => member.membershipId),
      });
    }
    if (fromRhf.length === 0) {
      checks.push({
        level: 'warning',
        code: 'rhfNotRepresented',
        message: `${rhf.name} er ikke representert med et beslutningsmedlem.`,
        membershipIds: [],
      });
    }
  }

  const leaders = active.filter((member) => member.isLeader);
  if (leaders.length === 0) {
    checks.push({ level: 'error', code: 'noLeader', message: 'Styringsgruppen mangler leder.', membershipIds: [] });
  } else if (leaders.length > 1) {
    checks.push({
      level: 'error',
      code: 'severalLeaders',
      message: `Styringsgruppen har ${leaders.length} ledere (${leaders.map((m) => m.personName).join(', ')}); den skal ha nøyaktig én.`,
      membershipIds: leaders.map((member) => member.membershipId),
    });
  }

  const covered = new Set(deciding.flatMap((member) => member.competenceAreas));
  const missing = (Object.keys(competenceAreaLabels) as CompetenceArea[]).filter((area) => !covered.has(area));
  if (missing.length > 0) {
    checks.push({
      level: 'error',
      code: 'missingCompetence',
      message: `Gruppen dekker ikke kompetanseområdet ${missing.map((area) => competenceAreaLabels[area]).join(' og ')}.`,
      membershipIds: [],
    });
  }

  for (const member of active) {
    if (member.termEnd !== null && member.termEnd < addYears(member.termStart, MIN_TERM_YEARS)) {
      checks.push({
        level: 'warning',
        code: 'shortTerm',
        message: `${member.personName} har en engasjementstid kortere enn ${MIN_TERM_YEARS} år (${member.termStart} – ${member.termEnd}).`,
        membershipIds: [member.membershipId],
      });
    }
    if (member.trainingCompletedOn === null) {
      checks.push({
        level: 'warning',
        code: 'trainingMissing',
        message: `${member.personName} har ikke fullført opplæringen.`,
        membershipIds: [member.membershipId],
      });
    }
  }

  // Members are to be replaced one at a time: flag every cluster of terms ending within the window.
  const ending = active
    .filter((member): member is CompositionMember & { termEnd: string } => member.termEnd !== null)
    .sort((a, b) => a.termEnd.localeCompare(b.termEnd));
  const reported = new Set<string>();
  for (let i = 0; i < ending.length; i += 1) {
    const first = ending[i]!;
    if (reported.has(first.membershipId)) continue;
    const cluster = ending.filter(
      (other) => daysBetween(other.termEnd, first.termEnd) <= REPLACEMENT_WINDOW_DAYS && other.termEnd >= first.termEnd,
    );
    if (cluster.length > 1) {
      cluster.forEach((member) => reported.add(member.membershipId));
      checks.push({
        level: 'warning',
        code: 'simultaneousReplacement',
        message: `${cluster.map((m) => m.personName).join(', ')} går ut innen ${REPLACEMENT_WINDOW_DAYS} dager av hverandre (${cluster.map((m) => m.termEnd).join(', ')}); medlemmer skal skiftes ut sekvensielt.`,
        membershipIds: cluster.map((member) => member.membershipId),
      });
    }
  }

  return checks;
}
