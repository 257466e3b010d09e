// RHF information duties (seed 001 §7 "Kontaktperson RHF", Vedlegg 01 §7.7, §2.1 AD-møte): what the RHF contacts
// of a participating region are told, the weekly digest and its ISO week, and "drøftes med RHF-ene". Pure.
import type { Gate } from './involvement.rules.js';
import { gateLabels } from './involvement.rules.js';
import type { Level3 } from './risk.rules.js';
import { addDays } from '../shared/calendar-date.js';

export type RhfInformationEvent =
  | {
      type: 'finalSignificanceHigh';
      procurementId: string;
      procurementName: string;
      caseId: string;
      decisionNumber: string;
    }
  | { type: 'riskHigh'; procurementId: string; procurementName: string; previousProfile: Level3 | null }
  | {
      type: 'caseAtDecideGate';
      caseId: string;
      caseTitle: string;
      procurementName: string | null;
      gate: Gate;
    }
  | { type: 'dissent'; caseId: string; caseTitle: string; procurementName: string | null }
  | { type: 'rhfDiscussion'; caseId: string; caseTitle: string; procurementName: string | null }
  | { type: 'faggruppeMatterToLine'; caseId: string; caseTitle: string; procurementName: string | null }
  | { type: 'faggruppeMatterToRhfs'; caseId: string; caseTitle: string; procurementName: string | null };

/** What a case is about in a notice: its procurement, or a body's matter without one (seed 000). */
const about = (procurementName: string | null) => procurementName ?? 'Sak uten anskaffelse';

export interface RhfNotice {
  title: string;
  body: string;
  link: string;
}

/** The in-app notice (and e-mail subject) for an RHF contact; titles and links only, never exempt content. */
export function rhfInformationNotice(event: RhfInformationEvent): RhfNotice {
  switch (event.type) {
    case 'finalSignificanceHigh':
      return {
        title: `Høy strategisk betydning: ${event.procurementName}`,
        body: `Styringsgruppen har fastsatt endelig strategisk betydning høy (vedtak ${event.decisionNumber}).`,
        link: `/saker/${event.caseId}`,
      };
    case 'riskHigh':
      return {
        title: `Høy risiko: ${event.procurementName}`,
        body:
          event.previousProfile === null
            ? 'Anskaffelsen har fått risikoprofil høy.'
            : `Risikoprofilen er endret fra ${event.previousProfile} til høy.`,
        link: `/anskaffelser/${event.procurementId}`,
      };
    case 'caseAtDecideGate':
      return {
        title: `Sak til beslutning: ${event.caseTitle}`,
        body: `${about(event.procurementName)} – ${gateLabels[event.gate]}. Styringsgruppen skal beslutte.`,
        link: `/saker/${event.caseId}`,
      };
    case 'dissent':
      return {
        title: `Dissens i styringsgruppen: ${event.caseTitle}`,
        body: `${about(event.procurementName)}: saken endte med dissens og må avklares med RHF-ene.`,
        link: `/saker/${event.caseId}`,
      };
    case 'rhfDiscussion':
      return {
        title: `Drøftes med RHF-ene: ${event.caseTitle}`,
        body: `${about(event.procurementName)}: styringsgruppens avstemning åpner når hvert deltakende RHF har bekreftet at saken er drøftet.`,
        link: `/saker/${event.caseId}`,
      };
    case 'faggruppeMatterToLine':
      return {
        title: `Uavklart sak fra faggruppen eskalert i linjen: ${event.caseTitle}`,
        body: `${about(event.procurementName)}: styringsgruppen har ikke behandlet saken i tide. Leder anskaffelse har eskalert den i linjen til Sykehusinnkjøp, som tar den videre til RHF-ene.`,
        link: `/saker/${event.caseId}`,
      };
    case 'faggruppeMatterToRhfs':
      return {
        title: `Eskalert til RHF-ene: ${event.caseTitle}`,
        body: `${about(event.procurementName)}: Sykehusinnkjøp har tatt en uavklart sak fra faggruppen videre til RHF-ene med en orientering og anbefaling. Svar for ditt RHF på saken.`,
        link: `/saker/${event.caseId}`,
      };
  }
}

/** A risk profile becomes news for the RHF when it turns høy, not when a høy profile is reassessed as høy. */
export function isRaisedToHigh(previous: Level3 | null, next: Level3): boolean {
  return next === 'høy' && previous !== 'høy';
}

// --- ISO weeks (the digest is weekly, once per RHF contact per ISO 8601 week) ------------------------------

const dayMs = 86_400_000;

function utcDay(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`);
}

/** ISO 8601 week of a date: weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeek(isoDate: string): { year: number; week: number; label: string; monday: string } {
  const time = utcDay(isoDate);
  const weekday = (new Date(time).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = new Date(time + (3 - weekday) * dayMs);
  const year = thursday.getUTCFullYear();
  const firstThursday = utcDay(`${year}-01-04`);
  const firstMonday = firstThursday - ((new Date(firstThursday).getUTCDay() + 6) % 7) * dayMs;
  const week = Math.floor((time - weekday * dayMs - firstMonday) / (7 * dayMs)) + 1;
  return {
    year,
    week,
    label: `${year}-W${String(week).padStart(2, '0')}`,
    monday: addDays(isoDate, -weekday),
  };
}

// --- The weekly digest ------------------------------------------------------------------------------------

export type ProcurementStatus = 'planned' | 'ongoing' | 'announced' | 'awarded' | 'completed' | 'cancelled';

export const procurementStatusLabels: Record<ProcurementStatus, string> = {
  planned: 'planlagt',
  ongoing: 'pågående',
  announced: 'kunngjort',
  awarded: 'tildelt',
  completed: 'avsluttet',
  cancelled: 'avlyst',
};

export const caseStatusLabels: Record<string, string> = {
  open: 'til behandling',
  dissent: 'dissens',
  outsideMandate: 'utenfor mandatet',
  escalated: 'eskalert til RHF-ene',
  lineEscalated: 'eskalert i linjen til Sykehusinnkjøp',
};

/** Cases still being handled (not decided, consulted, resolved or withdrawn). */
export const openCaseStatuses = ['open', 'dissent', 'outsideMandate', 'lineEscalated', 'escalated'] as const;

export interface DigestProcurement {
  id: string;
  name: string;
  status: ProcurementStatus;
  /** In the year's anskaffelsesplan; otherwise ad hoc. */
  planned: boolean;
  riskProfile: Level3 | null;
  significance: Level3 | null;
}

export interface DigestRiskChange {
  procurementId: string;
  procurementName: string;
  from: Level3 | null;
  to: Level3;
}

export interface DigestCase {
  id: string;
  title: string;
  procurementName: string | null;
  status: string;
  gate: Gate;
}

export type AwaitingKind =
  'escalation' | 'habilitetQuestion' | 'rhfDiscussion' | 'annualPlanFeedback' | 'appointmentCheck';

export const awaitingLabels: Record<AwaitingKind, string> = {
  escalation: 'Eskalert sak venter på RHF-ets svar',
  habilitetQuestion: 'Habilitetsspørsmål venter på RHF-ets avgjørelse',
  rhfDiscussion: 'Drøftes med RHF-ene: bekreftelse mangler',
  annualPlanFeedback: 'Anskaffelsesplanen venter på innspill',
  appointmentCheck: 'Habilitetssjekk ved oppnevning mangler',
};

export interface DigestAwaiting {
  kind: AwaitingKind;
  title: string;
  link: string;
}

export interface RhfDigest {
  rhfId: string;
  rhfName: string;
  week: string;
  today: string;
  /** The week of the digest the risk changes are counted from; null for the first digest. */
  since: string | null;
  planned: DigestProcurement[];
  adHoc: DigestProcurement[];
  riskChanges: DigestRiskChange[];
  highRisk: DigestProcurement[];
  openCases: DigestCase[];
  awaiting: DigestAwaiting[];
}

/**
 * The digest of §7: status of the region's planned and ad-hoc procurements, changes in the risk assessment
 * since the previous digest (compared with the profiles it showed, so the clock of the assessments does not
 * matter), the important (høy significance) and high-risk procurements, open cases, what awaits the RHF.
 */
export function composeRhfDigest(input: {
  rhfId: string;
  rhfName: string;
  today: string;
  procurements: readonly DigestProcurement[];
  /** The previous digest of the RHF, if any: its week and the procurements it listed. */
  previous: Pick<RhfDigest, 'week' | 'planned' | 'adHoc'> | null;
  cases: readonly DigestCase[];
  awaiting: readonly DigestAwaiting[];
}): RhfDigest {
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'nb');
  const live = input.procurements.filter((p) => p.status !== 'cancelled');
  const before = new Map(
    [...(input.previous?.planned ?? []), ...(input.previous?.adHoc ?? [])].map((p) => [p.id, p.riskProfile]),
  );
  const riskChanges: DigestRiskChange[] = live
    .filter((p) => p.riskProfile !== null && (before.get(p.id) ?? null) !== p.riskProfile)
    .sort(byName)
    .map((p) => ({
      procurementId: p.id,
      procurementName: p.name,
      from: before.get(p.id) ?? null,
      to: p.riskProfile!,
    }));
  return {
    rhfId: input.rhfId,
    rhfName: input.rhfName,
    week: isoWeek(input.today).label,
    today: input.today,
    since: input.previous?.week ?? null,
    planned: live.filter((p) => p.planned).sort(byName),
    adHoc: live.filter((p) => !p.planned).sort(byName),
    riskChanges,
    highRisk: live
      .filter((p) => p.status !== 'completed' && (p.riskProfile === 'høy' || p.significance === 'høy'))
      .sort(byName),
    openCases: input.cases.filter((c) => (openCaseStatuses as readonly string[]).includes(c.status)),
    awaiting: [...input.awaiting],
  };
}

function countByStatus(procurements: readonly DigestProcurement[]): string {
  if (procurements.length === 0) return 'ingen';
  const counts = new Map<ProcurementStatus, number>();
  for (const p of procurements) counts.set(p.status, (counts.get(p.status) ?? 0) + 1);
  return [...counts].map(([status, n]) => `${n} ${procurementStatusLabels[status]}`).join(', ');
}

/** The digest e-mail: section by section, titles and statuses only (never documents or exempt content). */
export function digestMailLines(digest: RhfDigest): string[] {
  const lines = [`Ukesoversikt ${digest.week} for ${digest.rhfName} (per ${digest.today})`, ''];
  const procurementLine = (p: DigestProcurement) =>
    `- ${p.name}: ${procurementStatusLabels[p.status]}${p.riskProfile ? `, risiko ${p.riskProfile}` : ''}${p.significance ? `, strategisk betydning ${p.significance}` : ''}`;
  lines.push(`Planlagte anskaffelser (${countByStatus(digest.planned)}):`);
  lines.push(...digest.planned.map(procurementLine));
  lines.push('', `Ad hoc-anskaffelser (${countByStatus(digest.adHoc)}):`);
  lines.push(...digest.adHoc.map(procurementLine));
  lines.push(
    '',
    `Endringer i risikovurderingen ${digest.since ? `siden ${digest.since}` : '(første ukesoversikt)'} (${digest.riskChanges.length}):`,
  );
  lines.push(
    ...digest.riskChanges.map((c) => `- ${c.procurementName}: ${c.from ?? 'ikke vurdert'} → ${c.to}`),
  );
  lines.push('', `Viktige saker og saker med høy risiko (${digest.highRisk.length}):`);
  lines.push(...digest.highRisk.map(procurementLine));
  lines.push('', `Åpne saker (${digest.openCases.length}):`);
  lines.push(
    ...digest.openCases.map(
      (c) =>
        `- ${c.title} (${about(c.procurementName)}, ${gateLabels[c.gate]}): ${caseStatusLabels[c.status] ?? c.status}`,
    ),
  );
  lines.push('', `Venter på svar fra ${digest.rhfName} (${digest.awaiting.length}):`);
  lines.push(...digest.awaiting.map((a) => `- ${awaitingLabels[a.kind]}: ${a.title}`));
  return lines;
}

// --- "Drøftes med RHF-ene" (§2.1: saker av stor strategisk betydning drøftes med RHF-ene) -------------------

/** Only a case of høy strategic significance, still open and before anyone has voted, can be marked. */
export function rhfDiscussionMarkBlocker(input: {
  significance: Level3 | null;
  caseStatus: string;
  caseKind: string;
  votesCast: number;
  alreadyMarked: boolean;
}): string | null {
  if (input.alreadyMarked) return 'Saken er allerede merket «drøftes med RHF-ene».';
  if (input.caseKind === 'consultation') return 'En konsultasjon har ingen avstemning å holde tilbake.';
  if (input.caseStatus !== 'open') return 'Bare en åpen sak kan merkes «drøftes med RHF-ene».';
  if (input.significance !== 'høy')
    return 'Bare saker av høy strategisk betydning merkes «drøftes med RHF-ene».';
  if (input.votesCast > 0)
    return 'Avstemningen er allerede i gang; saken må merkes før styringsgruppen stemmer.';
  return null;
}

/**
 * Why the group's vote has not opened yet, or null: a case marked "drøftes med RHF-ene" waits for each
 * participating RHF's acknowledgement, when the governance rules require it.
 */
export function rhfDiscussionVoteBlocker(input: {
  marked: boolean;
  acknowledgementRequired: boolean;
  participatingRhfs: ReadonlyArray<{ id: string; name: string }>;
  acknowledgedRhfIds: readonly string[];
}): string | null {
  if (!input.marked || !input.acknowledgementRequired) return null;
  const missing = input.participatingRhfs.filter((rhf) => !input.acknowledgedRhfIds.includes(rhf.id));
  if (missing.length === 0) return null;
  return `Saken drøftes med RHF-ene; avstemningen åpner når ${missing.map((rhf) => rhf.name).join(', ')} har bekreftet.`;
}
