// Escalation to the RHFs (seed 001 V01 §7.3): the RHFs concerned settle the case among themselves. Pure.
import { addDays } from '../shared/calendar-date.js';

/** The RHFs concerned that have not yet answered, in the order the escalation names them. */
export function rhfsAwaitingAnswer(
  rhfIds: readonly string[],
  answers: ReadonlyArray<{ rhfId: string }>,
): string[] {
  const answered = new Set(answers.map((answer) => answer.rhfId));
  return rhfIds.filter((rhfId) => !answered.has(rhfId));
}

/**
 * Why the joint settlement cannot be recorded yet, or null: one RHF cannot settle for the others, so every
 * RHF concerned must have answered first.
 */
export function settlementBlocker(
  rhfIds: readonly string[],
  answers: ReadonlyArray<{ rhfId: string }>,
  rhfName: (rhfId: string) => string,
): string | null {
  const awaiting = rhfsAwaitingAnswer(rhfIds, answers);
  if (awaiting.length === 0) return null;
  return `RHF-ene avklarer saken seg imellom: avklaringen kan registreres først når alle berørte RHF har svart (venter på ${awaiting.map(rhfName).join(', ')}).`;
}

/**
 * Why the group cannot escalate the case to the RHFs, or null (V01 §7.3): a case with dissent, one recorded as
 * outside the mandate, or an open one the group cannot decide (no one left to vote, or not quorate). An open
 * case found to be outside the mandate is first recorded as such, then escalated. The case page offers the
 * step exactly when this rule allows it, and the API refuses it otherwise.
 */
export function escalationBlocker(caseStatus: string, tallyStatus: string | null): string | null {
  if (caseStatus === 'dissent' || caseStatus === 'outsideMandate') return null;
  if (caseStatus === 'open' && (tallyStatus === 'undecidable' || tallyStatus === 'notQuorate')) return null;
  if (caseStatus === 'open')
    return 'Saken kan ikke eskaleres ennå: den er under behandling. Er den utenfor mandatet, registrer det først.';
  return 'Bare saker med dissens, utenfor mandatet, eller som gruppen ikke kan avgjøre, kan eskaleres.';
}

// --- Unresolved faggruppe matters (V01 §7.3, first paragraph) ---------------------------------------------
// The leder anskaffelse raises an unresolved matter from the faggruppe as a case to the group. If the group
// has not handled it within the configured number of days, the leder escalates it up the Sykehusinnkjøp line,
// which takes it on to the RHFs of the procurement; from there it is the escalation above (answers, settlement).

/** Default of `habilitetRule.faggruppeEscalationDays`: the days the group has before the line may be asked. */
export const FAGGRUPPE_ESCALATION_DAYS_DEFAULT = 14;

/** Statuses in which the group has not handled the matter: still open, or ended without a settlement. */
const unhandledStatuses: readonly string[] = ['open', 'dissent', 'outsideMandate'];

export interface FaggruppeMatterState {
  kind: string;
  status: string;
  /** The clock's day the matter was raised (YYYY-MM-DD). */
  raisedOn: string;
  /** The days the group has, from the rule version in force when it was raised. */
  escalationDays: number;
}

/** "2026-06-15" → "15.06.2026" for the messages (calendar only, no time zone). */
const shown = (day: string) => day.split('-').reverse().join('.');

/** The first day the leder anskaffelse may take the matter up the line: `escalationDays` after it was raised. */
export function lineEscalationFrom(raisedOn: string, escalationDays: number): string {
  return addDays(raisedOn, escalationDays);
}

/**
 * Why the matter cannot be escalated up the Sykehusinnkjøp line today, or null. Only an unresolved faggruppe
 * matter the group has not handled (open, dissent or outside its mandate — not decided, not already escalated)
 * and only from `lineEscalationFrom` on. The case page offers the step exactly when this allows it.
 */
export function lineEscalationBlocker(matter: FaggruppeMatterState, today: string): string | null {
  if (matter.kind !== 'faggruppeMatter')
    return 'Bare uavklarte saker fra faggruppen eskaleres i linjen til Sykehusinnkjøp.';
  if (matter.status === 'lineEscalated') return 'Saken er allerede eskalert i linjen til Sykehusinnkjøp.';
  if (matter.status === 'escalated') return 'Saken er allerede eskalert til RHF-ene.';
  if (!unhandledStatuses.includes(matter.status))
    return 'Styringsgruppen har behandlet saken; den kan ikke eskaleres i linjen.';
  const from = lineEscalationFrom(matter.raisedOn, matter.escalationDays);
  if (today < from)
    return `Styringsgruppen har ${matter.escalationDays} dager på å behandle saken (fremmet ${shown(matter.raisedOn)}); den kan eskaleres i linjen fra ${shown(from)}.`;
  return null;
}

/** Why the Sykehusinnkjøp line cannot take the matter on to the RHFs, or null: only once it has it. */
export function rhfReferralBlocker(matter: Pick<FaggruppeMatterState, 'kind' | 'status'>): string | null {
  if (matter.kind !== 'faggruppeMatter')
    return 'Bare uavklarte saker fra faggruppen går via linjen til Sykehusinnkjøp.';
  if (matter.status === 'escalated') return 'Saken er allerede eskalert til RHF-ene.';
  if (matter.status !== 'lineEscalated')
    return 'Saken må først eskaleres i linjen til Sykehusinnkjøp av leder anskaffelse.';
  return null;
}

/** In which capacity someone acts for the Sykehusinnkjøp line. */
export type LineCapacity = 'shiLine' | 'secretariat';

/**
 * Who acts for the Sykehusinnkjøp line: a user with the role `shiLine`; the secretariat only where no such user
 * exists (recorded as acting for the line). Anyone else: null.
 */
export function lineCapacity(
  actor: { isShiLine: boolean; isSecretariat: boolean },
  shiLineUserExists: boolean,
): LineCapacity | null {
  if (actor.isShiLine) return 'shiLine';
  if (actor.isSecretariat && !shiLineUserExists) return 'secretariat';
  return null;
}

/** Who receives a matter escalated up the line: the `shiLine` users, else the secretariat. */
export function lineRecipients(shiLinePersonIds: readonly string[], secretariatPersonIds: readonly string[]) {
  return shiLinePersonIds.length > 0 ? [...shiLinePersonIds] : [...secretariatPersonIds];
}
