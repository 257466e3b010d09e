import { gateLabels } from './involvement.rules.js';

// Governance bodies as configuration (seed 000, Helse Nord's Styringsmodell for innkjøp): a region's model is a
// list of bodies with their kind, secretariat, mandate (decision types) and escalation target. Pure.

export const governanceBodyKindIds = [
  'nationalSteeringGroup',
  'directorMeeting',
  'strategicForum',
  'procurementBoard',
  'projectGroup',
  'implementationForum',
  'purchasingForum',
  'registerGroup',
] as const;
export type GovernanceBodyKind = (typeof governanceBodyKindIds)[number];

export const governanceBodyKindLabels: Record<GovernanceBodyKind, string> = {
  nationalSteeringGroup: 'Nasjonal styringsgruppe',
  directorMeeting: 'Direktørmøte',
  strategicForum: 'Strategisk innkjøpsforum',
  procurementBoard: 'Anskaffelsesstyre',
  projectGroup: 'Prosjektgruppe',
  implementationForum: 'Implementeringsforum',
  purchasingForum: 'Innkjøpsforum',
  registerGroup: 'Registerforvaltning (REFIL)',
};

/** What a body may decide (its mandate), from seed 000 §4, §6 and §8. */
export const decisionTypeIds = [
  'settleDisagreement',
  'approveProcurementPlan',
  'approveCategoryStrategy',
  'appointProcurementBoard',
  'appointNationalRepresentatives',
  'setDecisionLevel',
  'approveProjectPlan',
  'approveProjectGroup',
  'approveTenderDocuments',
  'approveRejections',
  'approveSupplierRecommendation',
  'contractManagement',
  'recommendInNationalProcurement',
  'recommendToBoard',
  'implementAgreements',
  'coordinatePurchasing',
  'distributeCategoryResponsibility',
  'followUpImplementation',
  'ownRegisterContent',
  'maintainRegisters',
  'createMasterAgreement',
] as const;
export type DecisionType = (typeof decisionTypeIds)[number];

export const decisionTypeLabels: Record<DecisionType, string> = {
  settleDisagreement: 'Avklare uenighet i underliggende organ',
  approveProcurementPlan: 'Godkjenne anskaffelsesplan og prioriteringer',
  approveCategoryStrategy: 'Godkjenne kategori- og innkjøpsgruppestrategier',
  appointProcurementBoard: 'Oppnevne anskaffelsesstyrer',
  appointNationalRepresentatives: 'Utpeke representanter til nasjonale og flerregionale anskaffelsesstyrer',
  setDecisionLevel: 'Beslutte beslutningsnivå per anskaffelse',
  approveProjectPlan: 'Godkjenne prosjektplanen',
  approveProjectGroup: 'Godkjenne sammensetningen av prosjektgruppen',
  approveTenderDocuments: 'Godkjenne kravspesifikasjon og tildelingskriterier (konkurransedokumentene)',
  approveRejections: 'Godkjenne avvisninger',
  approveSupplierRecommendation: 'Godkjenne innstilling til valg av leverandør',
  contractManagement: 'Avtaleforvaltning: prolongering og avtaleendringer',
  recommendInNationalProcurement: 'Avgi innstilling i nasjonale og flerregionale anskaffelser',
  recommendToBoard: 'Avgi innstilling til anskaffelsesstyret',
  implementAgreements: 'Iverksette nye leverandøravtaler i helseforetakene',
  coordinatePurchasing: 'Samordne innkjøps- og logistikkrutiner',
  distributeCategoryResponsibility: 'Fordele kategoriansvar mellom helseforetakene',
  followUpImplementation: 'Følge opp implementering av avtaler',
  ownRegisterContent: 'Eie innholdet i registrene (Clockwork)',
  maintainRegisters: 'Vedlikeholde artikkel-, leverandør-, avtale- og EHF-registre',
  createMasterAgreement: 'Opprette masteravtaler',
};

export interface BodyConfig {
  code: string;
  name: string;
  kind: Exclude<GovernanceBodyKind, 'nationalSteeringGroup'>;
  description: string | null;
  /** Organisation code of the body's secretariat (e.g. SHI-DIVISJON-NORD); null when it has none. */
  secretariatCode: string | null;
  /** Code of the body disagreement goes to; null: none in the region (the RHFs concerned, as nationally). */
  escalationTargetCode: string | null;
  mandates: DecisionType[];
}

export interface RegionalModelConfig {
  bodies: BodyConfig[];
}

export interface ConfigProblem {
  path: string;
  message: string;
}

/** The chain of bodies disagreement travels up from `code`, the body itself first; stops at a repeat. */
export function escalationChain(
  code: string,
  bodies: ReadonlyArray<Pick<BodyConfig, 'code' | 'escalationTargetCode'>>,
) {
  const chain: string[] = [];
  let current: string | null = code;
  while (current !== null && !chain.includes(current)) {
    chain.push(current);
    const body = bodies.find((candidate) => candidate.code === current);
    current = body?.escalationTargetCode ?? null;
  }
  return chain;
}

/** The mandates a body must hold to decide a regional procurement's gates (seed 000 §6, Anskaffelsesstyre). */
export const boardMandates: readonly DecisionType[] = [
  'approveProjectPlan',
  'approveTenderDocuments',
  'approveSupplierRecommendation',
];

/** May the body be given the decisions of a regional procurement (by the decision-level case)? */
export function canDecideProcurements(body: { mandates: readonly string[] }): boolean {
  return boardMandates.every((mandate) => body.mandates.includes(mandate));
}

/**
 * What is wrong with a region's model, in the users' words (empty when it may be stored): unique codes,
 * known secretariats, escalation targets that exist and never loop back, and — when a body sets the
 * decision level — exactly one such body and at least one body that can take the decisions.
 */
export function checkModelConfig(
  config: RegionalModelConfig,
  knownOrganisationCodes: readonly string[],
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const codes = config.bodies.map((body) => body.code);
  config.bodies.forEach((body, index) => {
    const path = `bodies.${index}`;
    if (codes.indexOf(body.code) !== index)
      problems.push({ path: `${path}.code`, message: `Koden ${body.code} er brukt av flere organer.` });
    if (body.secretariatCode !== null && !knownOrganisationCodes.includes(body.secretariatCode))
      problems.push({
        path: `${path}.secretariatCode`,
        message: `Sekretariatet ${body.secretariatCode} finnes ikke blant organisasjonene.`,
      });
    if (new Set(body.mandates).size !== body.mandates.length)
      problems.push({
        path: `${path}.mandates`,
        message: `${body.name} har samme beslutningstype flere ganger.`,
      });
    const target = body.escalationTargetCode;
    if (target === null) return;
    if (target === body.code)
      problems.push({
        path: `${path}.escalationTargetCode`,
        message: `${body.name} kan ikke eskalere til seg selv.`,
      });
    else if (!codes.includes(target))
      problems.push({
        path: `${path}.escalationTargetCode`,
        message: `${body.name} eskalerer til ${target}, som ikke er et organ i modellen.`,
      });
    else {
      const chain = escalationChain(body.code, config.bodies);
      const last = config.bodies.find((candidate) => candidate.code === chain.at(-1));
      if (last?.escalationTargetCode && chain.includes(last.escalationTargetCode))
        problems.push({
          path: `${path}.escalationTargetCode`,
          message: `Eskaleringen fra ${body.name} går i ring (${[...chain, last.escalationTargetCode].join(' → ')}).`,
        });
    }
  });
  const levelSetters = config.bodies.filter((body) => body.mandates.includes('setDecisionLevel'));
  if (levelSetters.length > 1)
    problems.push({
      path: 'bodies',
      message: `Bare ett organ kan beslutte beslutningsnivået (${levelSetters.map((b) => b.name).join(', ')}).`,
    });
  if (levelSetters.length === 1 && !config.bodies.some(canDecideProcurements))
    problems.push({
      path: 'bodies',
      message:
        'Ingen organer kan få beslutningene i en anskaffelse: minst ett må kunne godkjenne prosjektplan, konkurransedokumenter og innstilling.',
    });
  return problems;
}

// --- Regional procurements under a region's model (seed 000 §6, "Regionale anskaffelser") -----------------

/** The case subjects of a body: the regional gates, and any other matter within its mandate (bodyMatter). */
export const regionalGateIds = [
  'decisionLevel',
  'projectPlan',
  'tenderDocuments',
  'supplierRecommendation',
] as const;
export type RegionalGate = (typeof regionalGateIds)[number];
/** projectGroup: the board approves the composition of the procurement's own project group (seed 000 §6). */
export const bodyCaseSubjectIds = [...regionalGateIds, 'projectGroup', 'bodyMatter'] as const;
export type BodyCaseSubject = (typeof bodyCaseSubjectIds)[number];

export const bodyCaseSubjectLabels: Record<BodyCaseSubject, string> = {
  decisionLevel: 'Beslutningsnivå for anskaffelsen',
  projectPlan: 'Godkjenne prosjektplanen',
  tenderDocuments: 'Godkjenne konkurransedokumentene',
  supplierRecommendation: 'Godkjenne innstilling til valg av leverandør',
  projectGroup: 'Godkjenne sammensetningen av prosjektgruppen',
  bodyMatter: 'Sak innenfor organets mandat',
};

/** Every gate a case can be about: the national phase gates and a body's case subjects. */
export const caseGateLabels = { ...gateLabels, ...bodyCaseSubjectLabels };
export type CaseGate = keyof typeof caseGateLabels;

/** The decision type each regional gate needs in the deciding body's mandate. */
export const regionalGateMandate: Record<RegionalGate, DecisionType> = {
  decisionLevel: 'setDecisionLevel',
  projectPlan: 'approveProjectPlan',
  tenderDocuments: 'approveTenderDocuments',
  supplierRecommendation: 'approveSupplierRecommendation',
};

/** Level 'regional' of a region with a configured model: governed by that model. Lokal stays outside both. */
export function isInRegionalModel(level: string | null, regionHasModel: boolean): boolean {
  return level === 'regional' && regionHasModel;
}

export interface RegionalCase {
  id: string;
  gate: string;
  steeringGroupId: string;
  status: string;
  resolutionOutcome: 'approved' | 'rejected' | null;
  proposedBodyId: string | null;
  decidedOn: string | null;
}

/** Approved by the body, or by the approving resolution of the body it was escalated to. */
export const isApproved = (row: Pick<RegionalCase, 'status' | 'resolutionOutcome'>) =>
  row.status === 'approved' || (row.status === 'resolved' && row.resolutionOutcome === 'approved');

/** The body the decision-level case gave the procurement's decisions to (the latest approved), or null. */
export function decidingBodyOf(cases: readonly RegionalCase[]): string | null {
  return cases.filter((c) => c.gate === 'decisionLevel' && isApproved(c)).at(-1)?.proposedBodyId ?? null;
}

export type RegionalGateStatus = 'decided' | 'open' | 'awaitingCase' | 'escalated' | 'dissent' | 'locked';

export interface RegionalGateView {
  gate: RegionalGate;
  /** The body that decides it: the level-setting body for the first gate, the deciding body after. */
  bodyId: string | null;
  status: RegionalGateStatus;
  caseId: string | null;
  decidedOn: string | null;
  /** Why no case can be submitted for it now, or null. */
  blockingReason: string | null;
}

/**
 * The regional gates in order: a gate is decided by an approved case in its body (after an escalation, by the
 * target's approving resolution); the next gate opens once the previous one is decided.
 */
export function regionalGates(input: {
  levelBodyId: string | null;
  cases: readonly RegionalCase[];
  bodyName: (id: string) => string;
  /**
   * The body deciding the later gates when it is not the one the decision-level case named: the procurement's
   * own project group for a delegation to "Prosjektgruppe" (null until its composition is approved).
   */
  decidingBody?: { id: string | null; pendingReason: string };
}): RegionalGateView[] {
  const decidingBodyId =
    input.decidingBody !== undefined ? input.decidingBody.id : decidingBodyOf(input.cases);
  let previousDecided = true;
  return regionalGateIds.map((gate) => {
    const bodyId = gate === 'decisionLevel' ? input.levelBodyId : decidingBodyId;
    const gateCases = input.cases.filter(
      (c) => c.gate === gate && c.steeringGroupId === bodyId && c.status !== 'withdrawn',
    );
    const approved = gateCases.filter(isApproved).at(-1);
    const latest = gateCases.at(-1) ?? null;
    const base = { gate, bodyId, caseId: latest?.id ?? null, decidedOn: approved?.decidedOn ?? null };
    if (approved && previousDecided)
      return { ...base, caseId: approved.id, status: 'decided', blockingReason: null };
    if (!previousDecided)
      return { ...base, status: 'locked', blockingReason: 'Forrige beslutning er ikke fattet.' };
    previousDecided = false;
    if (bodyId === null)
      return {
        ...base,
        status: 'locked',
        blockingReason:
          gate === 'decisionLevel'
            ? 'Modellen har ikke noe organ som beslutter beslutningsnivået.'
            : (input.decidingBody?.pendingReason ?? 'Beslutningsnivået er ikke besluttet ennå.'),
      };
    const name = input.bodyName(bodyId);
    if (!latest || (latest.status === 'resolved' && !isApproved(latest)) || latest.status === 'approved')
      return { ...base, status: 'awaitingCase', blockingReason: null };
    if (latest.status === 'escalated')
      return {
        ...base,
        status: 'escalated',
        blockingReason: `Saken er eskalert fra ${name} og venter på avklaring.`,
      };
    if (latest.status === 'dissent' || latest.status === 'outsideMandate')
      return { ...base, status: 'dissent', blockingReason: `Det er uenighet i ${name}; saken må eskaleres.` };
    return { ...base, status: 'open', blockingReason: `Saken er til behandling i ${name}.` };
  });
}

/** Why this body may not decide the subject (its mandate), or null. bodyMatter needs the named decision type. */
export function mandateBlocker(
  body: { name: string; mandates: readonly string[] },
  subject: BodyCaseSubject,
  decisionType: DecisionType | null,
): string | null {
  const needed =
    subject === 'bodyMatter'
      ? decisionType
      : subject === 'projectGroup'
        ? 'approveProjectGroup'
        : regionalGateMandate[subject];
  if (needed === null) return 'Oppgi hvilken beslutningstype i mandatet saken gjelder.';
  if (!body.mandates.includes(needed))
    return `«${decisionTypeLabels[needed]}» er utenfor mandatet til ${body.name}.`;
  return null;
}
