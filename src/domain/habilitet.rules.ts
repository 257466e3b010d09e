// Habilitet of steering-group members (seed 001 §5.3, §7.2): the per-case state machine, the RHF's check at
// appointment, interest declarations and their renewal, supplier matches, lasting inhabilitet. Pure.
import { normaliseOrgNumber } from './org-number.rules.js';
import { addDays, addMonths } from '../shared/calendar-date.js';

/**
 * A deciding member's habilitet in one case. `reported` is a habilitet question awaiting the RHF's decision:
 * the member counts as inhabil until then, and only the RHF's decision ends it.
 */
export type HabilitetState = 'unanswered' | 'noKnownConflict' | 'reported' | 'inhabil' | 'ikkeInhabil';

export type HabilitetEvent =
  | { type: 'declareNoConflict' }
  /** By the member, or raised for them (a supplier match, an agenda-item declaration). */
  | { type: 'report' }
  | { type: 'decide'; outcome: 'inhabil' | 'ikkeInhabil' };

export type HabilitetTransition = { ok: true; state: HabilitetState } | { ok: false; message: string };

export const habilitetStateLabels: Record<HabilitetState, string> = {
  unanswered: 'ikke besvart',
  noKnownConflict: 'ingen kjent konflikt',
  reported: 'habilitetsspørsmål venter på RHF-ets avgjørelse',
  inhabil: 'inhabil',
  ikkeInhabil: 'ikke inhabil',
};

export function transitionHabilitet(state: HabilitetState, event: HabilitetEvent): HabilitetTransition {
  switch (event.type) {
    case 'declareNoConflict':
      if (state === 'unanswered' || state === 'noKnownConflict')
        return { ok: true, state: 'noKnownConflict' };
      if (state === 'ikkeInhabil') return { ok: true, state: 'ikkeInhabil' };
      return {
        ok: false,
        message:
          state === 'reported'
            ? 'Habilitetsspørsmålet er meldt og kan ikke trekkes; bare RHF-ets avgjørelse avslutter det.'
            : 'RHF-et har avgjort at du er inhabil i saken.',
      };
    case 'report':
      if (state === 'reported')
        return { ok: false, message: 'Et habilitetsspørsmål venter allerede på RHF-ets avgjørelse.' };
      if (state === 'inhabil')
        return { ok: false, message: 'RHF-et har allerede avgjort at medlemmet er inhabil i saken.' };
      return { ok: true, state: 'reported' };
    case 'decide':
      if (state !== 'reported')
        return { ok: false, message: 'Det finnes ikke noe habilitetsspørsmål som venter på avgjørelse.' };
      return { ok: true, state: event.outcome };
  }
}

/** Reported or found inhabil: no vote, no exempt documents, no part in the case (§7.2). */
export function isBlockedByHabilitet(state: HabilitetState): boolean {
  return state === 'reported' || state === 'inhabil';
}

/** A deciding member sees the exempt documents only after answering, and never while blocked. */
export function mayReadExempt(state: HabilitetState): boolean {
  return state === 'noKnownConflict' || state === 'ikkeInhabil';
}

/**
 * The state from what is stored: the latest habilitet question wins (pending → reported), else the member's
 * own "no known conflict" answer, else unanswered.
 */
export function habilitetStateFrom(
  statedNoConflict: boolean,
  latestQuestion: { status: 'pending' | 'inhabil' | 'ikkeInhabil' } | null,
): HabilitetState {
  if (latestQuestion) return latestQuestion.status === 'pending' ? 'reported' : latestQuestion.status;
  return statedNoConflict ? 'noKnownConflict' : 'unanswered';
}

// --- The RHF's habilitet check at appointment ---------------------------------------------------------------

export type AppointmentCheckOutcome = 'cleared' | 'notCleared';

/** Only a membership whose RHF has recorded a cleared check may vote; none or not cleared is a composition error. */
export function isAppointmentCleared(outcome: AppointmentCheckOutcome | null): boolean {
  return outcome === 'cleared';
}

// --- Interest declarations (habilitetserklæring) ------------------------------------------------------------

export const interestRelations = ['ownership', 'boardSeat', 'employment', 'closeRelative', 'other'] as const;
export type InterestRelation = (typeof interestRelations)[number];
export const interestRelationLabels: Record<InterestRelation, string> = {
  ownership: 'eierskap',
  boardSeat: 'styreverv',
  employment: 'ansettelse',
  closeRelative: 'nær familie',
  other: 'annet',
};

export interface Interest {
  organisationName: string;
  organisationNumber: string;
  relation: InterestRelation;
  fromDate: string;
  toDate: string | null;
  /** A lasting conflict in these categories (codes), not only in single cases. */
  lastingCategoryCodes: string[];
}

export const DECLARATION_RENEWAL_MONTHS = 12;
export const DECLARATION_REMINDER_DAYS = 30;

export type DeclarationStatus =
  { status: 'missing'; dueOn: null } | { status: 'current' | 'dueSoon' | 'overdue'; dueOn: string };

/** Confirmed at appointment and renewed every 12 months; a reminder window before it falls due. */
export function declarationStatus(
  lastConfirmedOn: string | null,
  today: string,
  renewalMonths = DECLARATION_RENEWAL_MONTHS,
  reminderDays = DECLARATION_REMINDER_DAYS,
): DeclarationStatus {
  if (lastConfirmedOn === null) return { status: 'missing', dueOn: null };
  const dueOn = addMonths(lastConfirmedOn, renewalMonths);
  if (today > dueOn) return { status: 'overdue', dueOn };
  if (today >= addDays(dueOn, -reminderDays)) return { status: 'dueSoon', dueOn };
  return { status: 'current', dueOn };
}

function coversDay(interest: Pick<Interest, 'fromDate' | 'toDate'>, day: string): boolean {
  return interest.fromDate <= day && (interest.toDate === null || interest.toDate >= day);
}

export interface SupplierMatch {
  personId: string;
  supplier: { name: string; organisationNumber: string };
  interest: Interest;
}

/**
 * Suppliers known for a procurement against the deciding members' declared interests, by organisation
 * number (as written: spaces, "NO…MVA" allowed), for interests in force on the day.
 */
export function matchSuppliers(
  suppliers: ReadonlyArray<{ name: string; organisationNumber: string }>,
  declarations: ReadonlyArray<{ personId: string; interests: readonly Interest[] }>,
  day: string,
): SupplierMatch[] {
  const matches: SupplierMatch[] = [];
  for (const supplier of suppliers) {
    const supplierNumber = normaliseOrgNumber(supplier.organisationNumber);
    if (!supplierNumber) continue;
    for (const declaration of declarations) {
      for (const interest of declaration.interests) {
        if (normaliseOrgNumber(interest.organisationNumber) === supplierNumber && coversDay(interest, day)) {
          matches.push({ personId: declaration.personId, supplier, interest });
        }
      }
    }
  }
  return matches;
}

// --- Lasting inhabilitet (§7.2: "kan i ytterste konsekvens måtte byttes ut") --------------------------------

export interface LastingRule {
  /** Found inhabil in at least this many cases … */
  threshold: number;
  /** … within this many months. */
  windowMonths: number;
}

export const lastingRuleDefault: LastingRule = { threshold: 3, windowMonths: 12 };

export interface LastingWarning {
  personId: string;
  reason: string;
}

/**
 * "Vurder utskifting": a member found inhabil in `threshold` or more cases within the window, or with a
 * declared lasting conflict in one of the group's categories.
 */
export function lastingInhabilitet(
  input: {
    members: ReadonlyArray<{ personId: string; personName: string; interests: readonly Interest[] }>;
    inhabilDecisions: ReadonlyArray<{ personId: string; decidedOn: string }>;
    groupCategoryCodes: readonly string[];
    today: string;
  },
  rule: LastingRule = lastingRuleDefault,
): LastingWarning[] {
  const since = addMonths(input.today, -rule.windowMonths);
  const warnings: LastingWarning[] = [];
  for (const member of input.members) {
    const count = input.inhabilDecisions.filter(
      (d) => d.personId === member.personId && d.decidedOn > since && d.decidedOn <= input.today,
    ).length;
    const lasting = member.interests.filter(
      (interest) =>
        coversDay(interest, input.today) &&
        interest.lastingCategoryCodes.some((code) => input.groupCategoryCodes.includes(code)),
    );
    const reasons: string[] = [];
    if (count >= rule.threshold) reasons.push(`inhabil i ${count} saker siste ${rule.windowMonths} måneder`);
    if (lasting.length > 0)
      reasons.push(
        `varig interessekonflikt i gruppens kategorier (${lasting.map((i) => i.organisationName).join(', ')})`,
      );
    if (reasons.length > 0)
      warnings.push({
        personId: member.personId,
        reason: `Vurder utskifting av ${member.personName}: ${reasons.join('; ')}.`,
      });
  }
  return warnings;
}
