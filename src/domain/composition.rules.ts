// Composition rules for a steering group (seed 001 §7.5). Pure: members in, checks out.
import { addDays, addYears, daysBetween } from '../shared/calendar-date.js';
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
  /** The RHF's habilitet check at appointment (§7.2); undefined where it is not tracked. */
  appointmentCheck?: 'cleared' | 'notCleared' | null;
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
    | 'rhfNotRepresented'
    | 'appointmentCheckMissing'
    | 'appointmentNotCleared';
  message: string;
  membershipIds: string[];
}

/**
 * How many deciding members an RHF may have in one steering group: one each, but Helse Sør-Øst RHF may send
 * two (seed 001 Vedlegg 01 §7.5.1 and note 4: "kan stille med to medlemmer pr. styringsgruppe").
 */
export function maxDecidingMembersOf(rhfCode: string): number {
  return rhfCode === 'HSO' ? 2 : 1;
}

export const MIN_TERM_YEARS = 2;
export const REPLACEMENT_WINDOW_DAYS = 90;

/** A member counts while their term covers the day; future and past members are shown but not counted. */
export function isActiveOn(member: Pick<CompositionMember, 'termStart' | 'termEnd'>, day: string): boolean {
  return member.termStart <= day && (member.termEnd === null || member.termEnd >= day);
}

/**
 * The term end is inclusive (see isActiveOn): 2024-01-01 – 2025-12-31 is a full two years. A full term ends at
 * the earliest on the day before the anniversary, counted from the day before the start, so a term from
 * 29 February runs to 28 February (not 27 February) two years on.
 */
function isShortTerm(termStart: string, termEnd: string): boolean {
  return termEnd < addYears(addDays(termStart, -1), MIN_TERM_YEARS);
}

function joinNorwegian(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} og ${items.at(-1)!}`;
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
    checks.push({
      level: 'error',
      code: 'noLeader',
      message: 'Styringsgruppen mangler leder.',
      membershipIds: [],
    });
  } else if (leaders.length > 1) {
    checks.push({
      level: 'error',
      code: 'severalLeaders',
      message: `Styringsgruppen har ${leaders.length} ledere (${leaders.map((m) => m.personName).join(', ')}); den skal ha nøyaktig én.`,
      membershipIds: leaders.map((member) => member.membershipId),
    });
  }

  const covered = new Set(deciding.flatMap((member) => member.competenceAreas));
  const missing = (Object.keys(competenceAreaLabels) as CompetenceArea[]).filter(
    (area) => !covered.has(area),
  );
  if (missing.length > 0) {
    checks.push({
      level: 'error',
      code: 'missingCompetence',
      message: `Gruppen dekker ikke ${missing.length === 1 ? 'kompetanseområdet' : 'kompetanseområdene'} ${joinNorwegian(missing.map((area) => competenceAreaLabels[area]))}.`,
      membershipIds: [],
    });
  }

  for (const member of active) {
    // Seed 001 §7.2: the RHF checks habilitet before appointing; without it the member cannot vote.
    if (member.appointmentCheck === null && !member.isObserver) {
      checks.push({
        level: 'error',
        code: 'appointmentCheckMissing',
        message: `${member.rhfName} har ikke registrert habilitetssjekk ved oppnevningen av ${member.personName}; medlemmet kan ikke stemme.`,
        membershipIds: [member.membershipId],
      });
    } else if (member.appointmentCheck === 'notCleared' && !member.isObserver) {
      checks.push({
        level: 'error',
        code: 'appointmentNotCleared',
        message: `${member.rhfName} har ikke klarert habiliteten til ${member.personName}; medlemmet kan ikke stemme.`,
        membershipIds: [member.membershipId],
      });
    }
    if (member.termEnd !== null && isShortTerm(member.termStart, member.termEnd)) {
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

  // Members are to be replaced one at a time: chain terms whose ends lie within the window of the previous
  // end, so A–B–C with 60-day gaps is one cluster even though A and C are 120 days apart.
  const ending = active
    .filter((member): member is CompositionMember & { termEnd: string } => member.termEnd !== null)
    .sort((a, b) => a.termEnd.localeCompare(b.termEnd));
  const clusters: (typeof ending)[] = [];
  for (const member of ending) {
    const current = clusters.at(-1);
    const previous = current?.at(-1);
    if (
      current &&
      previous &&
      Math.abs(daysBetween(member.termEnd, previous.termEnd)) <= REPLACEMENT_WINDOW_DAYS
    ) {
      current.push(member);
    } else {
      clusters.push([member]);
    }
  }
  for (const cluster of clusters.filter((c) => c.length > 1)) {
    checks.push({
      level: 'warning',
      code: 'simultaneousReplacement',
      message: `${joinNorwegian(cluster.map((m) => m.personName))} går ut med høyst ${REPLACEMENT_WINDOW_DAYS} dagers mellomrom (${cluster.map((m) => m.termEnd).join(', ')}); medlemmer skal skiftes ut sekvensielt.`,
      membershipIds: cluster.map((member) => member.membershipId),
    });
  }

  return checks;
}
