// What the public may see of a journal entry and its document, and the rules of an access request
// (offentleglova §§ 11, 12, 29, 31, 32). Pure, no I/O; built on offentleglova.rules.ts and working-days.rules.ts.
import { addDays, addYears } from '../shared/calendar-date.js';
import {
  effectiveAccess,
  legalBases,
  publicTitle,
  type AccessInput,
  type AccessStatus,
  type LegalBasis,
} from './offentleglova.rules.js';
import { addWorkingDays, isWorkingDay, workingDaysBetween } from './working-days.rules.js';

export type ActiveBasis = Exclude<LegalBasis, 'offl14'>;

export interface PublicAccess {
  accessStatus: AccessStatus;
  /** The bases in force for what is withheld (empty when public). */
  legalBases: ActiveBasis[];
  /** What the public may download: the document itself, the public variant, or nothing. */
  serve: 'original' | 'variant' | null;
  /** M025: the title as the public sees it. */
  publicTitle: string;
  /** M505: when the exemption ends (or ended), if known. */
  exemptionEndsOn: string | null;
  /** True when a stored exemption has lapsed (award, or its duration) and the public now sees more. */
  lifted: boolean;
}

const isActive = (basis: LegalBasis | null): basis is ActiveBasis => basis !== null && basis !== 'offl14';

/** Whether a basis still applies on `today` (§ 23 third paragraph ends at the award; § 13 after 60 years). */
export function basisInForce(
  basis: ActiveBasis,
  context: { today: string; awardDecidedOn: string | null; classifiedOn: string },
): boolean {
  const rule = legalBases[basis];
  if (rule.endsAt === 'award')
    return !(context.awardDecidedOn !== null && context.awardDecidedOn <= context.today);
  if (rule.durationYears !== null) return addYears(context.classifiedOn, rule.durationYears) > context.today;
  return true;
}

/**
 * The public's view of a document (or of a journal entry without one, `hasFile: false`): the status in force
 * today, and which file may be served. A partly exempt document is served only as its public variant; when
 * the document's own exemption lifts, the variant still stands for bases that remain (e.g. § 13 parts).
 */
export function publicAccessOf(input: {
  stored: AccessInput & { title: string; classifiedOn: string };
  awardDecidedOn: string | null;
  today: string;
  hasFile: boolean;
  variant: { legalBases: LegalBasis[] } | null;
}): PublicAccess {
  const context = {
    today: input.today,
    awardDecidedOn: input.awardDecidedOn,
    classifiedOn: input.stored.classifiedOn,
  };
  const effective = effectiveAccess(input.stored, context);
  const variantBases = (input.variant?.legalBases ?? []).filter(isActive);
  const remaining = [...new Set(variantBases.filter((basis) => basisInForce(basis, context)))];
  const shieldedTitle = publicTitle(input.stored.title, input.stored.shieldedWords);
  if (effective.accessStatus === 'public') {
    if (effective.lifted && input.variant && remaining.length > 0)
      return {
        accessStatus: 'partlyExempt',
        legalBases: remaining,
        serve: input.hasFile ? 'variant' : null,
        publicTitle: shieldedTitle,
        exemptionEndsOn: null,
        lifted: true,
      };
    return {
      accessStatus: 'public',
      legalBases: [],
      serve: input.hasFile ? 'original' : null,
      publicTitle: effective.noark.offentligTittel,
      exemptionEndsOn: effective.noark.skjermingOpphoererDato,
      lifted: effective.lifted,
    };
  }
  const own = isActive(input.stored.legalBasis) ? [input.stored.legalBasis] : [];
  const status = effective.accessStatus;
  return {
    accessStatus: status,
    legalBases: [...new Set([...own, ...remaining])],
    serve: status === 'partlyExempt' && input.variant && input.hasFile ? 'variant' : null,
    publicTitle: shieldedTitle,
    exemptionEndsOn: effective.noark.skjermingOpphoererDato,
    lifted: false,
  };
}

/** Sender/recipient as published: shielded words replaced, like the title (offentlegforskrifta § 7). */
export function publicSenderRecipient(value: string | null, shieldedWords: string[]): string | null {
  return value === null ? null : publicTitle(value, shieldedWords);
}

// ---------------------------------------------------------------------------------------------------------
// Access requests

export const ANSWER_WORKING_DAYS = 3;
export const DEEMED_REFUSAL_WORKING_DAYS = 5;
export const APPEAL_WEEKS = 3;

export interface RequestDeadlines {
  /** § 29: without undue delay — the portal's target, 3 working days. */
  dueOn: string;
  /** § 32 first paragraph: not answered within 5 working days counts as a refusal the day after this. */
  deemedRefusedAfter: string;
}

export function requestDeadlines(receivedOn: string): RequestDeadlines {
  return {
    dueOn: addWorkingDays(receivedOn, ANSWER_WORKING_DAYS),
    deemedRefusedAfter: addWorkingDays(receivedOn, DEEMED_REFUSAL_WORKING_DAYS),
  };
}

export type RequestUrgency = 'answered' | 'onTime' | 'dueSoon' | 'dueToday' | 'overdue' | 'deemedRefused';

/** The queue's escalating warning for an unanswered request on `today`. */
export function requestUrgency(
  request: { receivedOn: string; answeredOn: string | null },
  today: string,
): RequestUrgency {
  if (request.answeredOn !== null) return 'answered';
  const { dueOn, deemedRefusedAfter } = requestDeadlines(request.receivedOn);
  if (today > deemedRefusedAfter) return 'deemedRefused';
  if (today > dueOn) return 'overdue';
  if (today === dueOn) return 'dueToday';
  if (workingDaysBetween(today, dueOn) <= 1) return 'dueSoon';
  return 'onTime';
}

export const urgencyLabels: Record<RequestUrgency, string> = {
  answered: 'Besvart',
  onTime: 'I rute',
  dueSoon: 'Frist i morgen',
  dueToday: 'Frist i dag',
  overdue: 'Over fristen',
  deemedRefused: 'Regnes som avslag',
};

/** The next working day on or after a date (a time limit ending on a holiday moves to the next working day). */
export function onOrNextWorkingDay(date: string): string {
  let current = date;
  while (!isWorkingDay(current)) current = addDays(current, 1);
  return current;
}

/** § 32 and § 31 second paragraph: appeal, and ask for a fuller reason, within three weeks of the answer. */
export function appealDeadline(answeredOn: string): string {
  return onOrNextWorkingDay(addDays(answeredOn, APPEAL_WEEKS * 7));
}

export type AccessDecision = 'grant' | 'partly' | 'refuse';
export type Section12Letter = 'a' | 'b' | 'c';

export const section12Texts: Record<Section12Letter, string> = {
  a: 'offl. § 12 bokstav a (de unntatte delene gir et klart misvisende bilde)',
  b: 'offl. § 12 bokstav b (de unntatte delene er tatt ut, resten gir et klart misvisende bilde)',
  c: 'offl. § 12 bokstav c (de unntatte opplysningene utgjør den vesentlige delen av dokumentet)',
};

export interface ItemDecisionInput {
  decision: AccessDecision;
  legalBasis: LegalBasis | null;
  section12: Section12Letter | null;
  merinnsynAssessment: string | null;
}

export interface ItemDecisionContext {
  /** The document's access in force today (public view). */
  access: PublicAccess;
  /** A public variant exists for the document. */
  hasVariant: boolean;
  /** The item is a document in the portal (not only a description). */
  hasDocument: boolean;
}

export interface DecisionProblem {
  path: string;
  message: string;
}

/** The reasons a decision on one requested document is not allowed; empty when it is. */
export function checkItemDecision(input: ItemDecisionInput, context: ItemDecisionContext): DecisionProblem[] {
  const problems: DecisionProblem[] = [];
  const assessment = input.merinnsynAssessment?.trim() ?? '';
  const basis = input.legalBasis;
  if (basis === 'offl14')
    return [{ path: 'legalBasis', message: 'Offl. § 14 gjelder ikke styringsgruppene.' }];
  const isConfidential = (b: LegalBasis | null) => b === 'offl13fvl13nr1' || b === 'offl13fvl13nr2';
  if (input.decision === 'grant') {
    if (basis !== null || input.section12 !== null)
      problems.push({ path: 'legalBasis', message: 'Innsyn gis uten hjemmel for unntak.' });
    if (context.access.accessStatus !== 'public') {
      // Granting what is exempt is merinnsyn (§ 11): never for information under a duty of confidentiality.
      if (context.access.legalBases.some(isConfidential))
        problems.push({
          path: 'decision',
          message:
            'Dokumentet inneholder opplysninger underlagt taushetsplikt (offl. § 13): merinnsyn kan ikke gis. Gi delvis innsyn med en sladdet versjon, eller avslå.',
        });
      if (assessment.length < 3)
        problems.push({
          path: 'merinnsynAssessment',
          message: 'Dokumentet er unntatt: fullt innsyn er merinnsyn (offl. § 11), skriv vurderingen.',
        });
    }
    return problems;
  }
  if (basis === null) {
    problems.push({
      path: 'legalBasis',
      message: 'Avslag og delvis innsyn må vise til hjemmel (paragraf og ledd), offl. § 31.',
    });
    return problems;
  }
  if (!isConfidential(basis) && assessment.length < 3)
    problems.push({
      path: 'merinnsynAssessment',
      message: 'Skriv vurderingen av merinnsyn (offl. § 11) før noe holdes tilbake.',
    });
  if (input.decision === 'partly') {
    if (!context.hasDocument)
      problems.push({ path: 'decision', message: 'Delvis innsyn krever et dokument i portalen.' });
    else if (!context.hasVariant)
      problems.push({
        path: 'decision',
        message: 'Lag først en offentlig versjon (sladding) av dokumentet, så kan delvis innsyn gis.',
      });
    if (input.section12 !== null)
      problems.push({ path: 'section12', message: 'Offl. § 12 gjelder bare når hele dokumentet avslås.' });
    return problems;
  }
  // refuse
  if (legalBases[basis].informationOnly && input.section12 === null)
    problems.push({
      path: 'section12',
      message: `${legalBases[basis].text} gir bare grunnlag for å unnta opplysningene. Gi delvis innsyn, eller vis til offl. § 12 for å avslå hele dokumentet.`,
    });
  return problems;
}

/** The legal basis as an answer names it (section and paragraph, § 31 first paragraph). */
export function decisionBasisText(basis: ActiveBasis, section12: Section12Letter | null): string {
  const text = legalBases[basis].text;
  return section12 ? `${text}, jf. ${section12Texts[section12]}` : text;
}

export interface AnswerItem {
  title: string;
  journalNumber: string | null;
  decision: AccessDecision;
  legalBasis: ActiveBasis | null;
  section12: Section12Letter | null;
  merinnsynAssessment: string | null;
}

const decisionWords: Record<AccessDecision, string> = {
  grant: 'Innsyn gitt',
  partly: 'Delvis innsyn gitt (sladdet versjon vedlagt)',
  refuse: 'Innsyn avslått',
};

/**
 * The answer letter (§ 31): per document the decision and its basis; where anything is withheld, the right to
 * appeal within three weeks (§ 32), to whom, and the right to ask within three weeks for a fuller reason.
 * Titles passed in must be the public titles.
 */
export function composeAnswerText(input: {
  reference: string;
  receivedOn: string;
  answeredOn: string;
  items: AnswerItem[];
  appealBody: string;
  organisation: string;
}): string {
  const withheld = input.items.some((item) => item.decision !== 'grant');
  const deadline = appealDeadline(input.answeredOn);
  const lines = [
    `Svar på innsynskrav ${input.reference}`,
    '',
    `Vi viser til innsynskravet ditt mottatt ${input.receivedOn}. Kravet er behandlet etter offentleglova.`,
    '',
  ];
  input.items.forEach((item, index) => {
    lines.push(
      `${index + 1}. ${item.title}${item.journalNumber ? ` (journalpost ${item.journalNumber})` : ''}: ${decisionWords[item.decision]}.`,
    );
    if (item.legalBasis) lines.push(`   Hjemmel: ${decisionBasisText(item.legalBasis, item.section12)}.`);
    if (item.merinnsynAssessment && item.decision !== 'grant')
      lines.push(`   Merinnsyn (offl. § 11) er vurdert: ${item.merinnsynAssessment.trim()}`);
    if (item.decision === 'grant' && item.merinnsynAssessment)
      lines.push('   Innsyn er gitt som merinnsyn etter offl. § 11.');
  });
  lines.push('');
  if (withheld) {
    lines.push(
      'Klageadgang',
      `Du kan klage på avslaget etter offentleglova § 32. Klagefristen er tre uker fra du mottok dette svaret, det vil si innen ${deadline}. Klagen sendes til ${input.organisation}, som sender den videre til klageinstansen (${input.appealBody}) dersom avslaget opprettholdes.`,
      `Du kan også innen tre uker (innen ${deadline}) be om en nærmere begrunnelse for avslaget, jf. offentleglova § 31 andre ledd.`,
      '',
    );
  }
  lines.push(`Med hilsen`, input.organisation, 'Porteføljesekretariatet');
  return lines.join('\n');
}

/** The mail to a requester whose request was not answered in five working days (§ 32 first paragraph). */
export function composeDeemedRefusalText(input: {
  reference: string;
  receivedOn: string;
  deemedRefusedOn: string;
  appealBody: string;
  organisation: string;
}): string {
  const deadline = onOrNextWorkingDay(addDays(input.deemedRefusedOn, APPEAL_WEEKS * 7));
  return [
    `Innsynskrav ${input.reference}: regnes som avslag`,
    '',
    `Innsynskravet ditt mottatt ${input.receivedOn} er ikke avgjort innen fem arbeidsdager. Etter offentleglova § 32 første ledd tredje punktum regnes dette som et avslag som du kan klage på.`,
    `Du kan klage innen tre uker, det vil si innen ${deadline}. Klagen sendes til ${input.organisation}; klageinstansen er ${input.appealBody}.`,
    'Vi behandler kravet ditt så snart som mulig, og sender svaret til denne adressen.',
    '',
    'Med hilsen',
    input.organisation,
    'Porteføljesekretariatet',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------------------
// Statistics

export interface StatisticsRequest {
  receivedOn: string;
  answeredOn: string | null;
  /** The request passed five working days unanswered (even if answered later). */
  wasDeemedRefused: boolean;
  decisions: Array<AccessDecision | null>;
  appeals: Array<'pending' | 'upheld' | 'partlyReversed' | 'reversed'>;
}

export interface MonthStatistics {
  month: string;
  requests: number;
  answeredWithin1: number;
  answeredWithin3: number;
  answeredWithin5: number;
  answeredLater: number;
  unanswered: number;
  deemedRefused: number;
  granted: number;
  partly: number;
  refused: number;
  appeals: number;
  appealsUpheld: number;
  appealsReversed: number;
  appealsPending: number;
}

/** Requests per month of receipt: answer times in working days, decisions per document, appeals. */
export function monthlyStatistics(requests: StatisticsRequest[]): MonthStatistics[] {
  const months = new Map<string, MonthStatistics>();
  for (const request of requests) {
    const month = request.receivedOn.slice(0, 7);
    let row = months.get(month);
    if (!row) {
      row = {
        month,
        requests: 0,
        answeredWithin1: 0,
        answeredWithin3: 0,
        answeredWithin5: 0,
        answeredLater: 0,
        unanswered: 0,
        deemedRefused: 0,
        granted: 0,
        partly: 0,
        refused: 0,
        appeals: 0,
        appealsUpheld: 0,
        appealsReversed: 0,
        appealsPending: 0,
      };
      months.set(month, row);
    }
    row.requests += 1;
    if (request.answeredOn === null) row.unanswered += 1;
    else {
      const days = workingDaysBetween(request.receivedOn, request.answeredOn);
      if (days <= 1) row.answeredWithin1 += 1;
      if (days <= 3) row.answeredWithin3 += 1;
      if (days <= 5) row.answeredWithin5 += 1;
      else row.answeredLater += 1;
    }
    if (request.wasDeemedRefused) row.deemedRefused += 1;
    for (const decision of request.decisions) {
      if (decision === 'grant') row.granted += 1;
      if (decision === 'partly') row.partly += 1;
      if (decision === 'refuse') row.refused += 1;
    }
    for (const outcome of request.appeals) {
      row.appeals += 1;
      if (outcome === 'upheld') row.appealsUpheld += 1;
      else if (outcome === 'pending') row.appealsPending += 1;
      else row.appealsReversed += 1;
    }
  }
  return [...months.values()].sort((a, b) => a.month.localeCompare(b.month));
}
