// What may be done with a case now, and by whom (seed 001 §5.2, Vedlegg 01 §7.3): one pure function read by
// the case page (what to offer) and by every mutation (what to accept), so the two cannot disagree.
import {
  escalationBlocker,
  lineCapacity,
  lineEscalationBlocker,
  rhfReferralBlocker,
  settlementBlocker,
} from './escalation.rules.js';

/** Why a step is refused, and how the API answers it (403, 409 or 400). Null means allowed. */
export interface Refusal {
  refusal: 'forbidden' | 'conflict' | 'badRequest';
  reason: string;
}
export type Capability = Refusal | null;

export interface CaseLifecycleInput {
  status: string;
  kind: string;
  /** The tally of an open case (null when it is not open or not computed). */
  tallyStatus: string | null;
  escalation: {
    rhfIds: readonly string[];
    answers: ReadonlyArray<{ rhfId: string }>;
    /** Escalated to a body's configured target (seed 000: → Direktørmøte), not to the RHFs. */
    targetBodyId?: string | null;
    /** The target body's own escalation target, if it has one (the chain's next step). */
    nextTargetName?: string | null;
  } | null;
  viewer: {
    isSecretariat: boolean;
    /** Leader of the case's steering group, with a membership in force today. */
    isGroupLeader: boolean;
    /** Leder anskaffelse of the case's procurement. */
    isProcurementLead: boolean;
    /** The RHFs the viewer is kontaktperson for. */
    rhfContactFor: readonly string[];
    /** Holds the role shiLine (the Sykehusinnkjøp line above the leder anskaffelse, V01 §7.3). */
    isShiLine?: boolean;
    /** Leads the body the case was escalated to (its answer and resolution are the body's). */
    leadsEscalationTarget?: boolean;
  };
  /** An unresolved faggruppe matter: the day it was raised and the days the group had; null otherwise. */
  faggruppeMatter?: { raisedOn: string; escalationDays: number } | null;
  /** Whether any enabled user holds the role shiLine (else the secretariat acts for the line). */
  shiLineUserExists?: boolean;
  /** The clock's day (YYYY-MM-DD); the line step of a faggruppe matter depends on it. */
  today?: string;
  /** Names for messages; ids are shown when absent. */
  rhfName?: (rhfId: string) => string;
}

export interface CaseCapabilities {
  markOutsideMandate: Capability;
  escalate: Capability;
  /** The body the case was escalated to takes it on to its own target (an escalation chain, seed 000 §4). */
  escalateFurther: Capability;
  /** The RHFs the viewer may answer for on an escalated case. */
  answerableRhfIds: string[];
  answerForRhf: (rhfId: string) => Capability;
  resolve: Capability;
  recordConsultation: Capability;
  addDocuments: Capability;
  /** The leder anskaffelse takes an unhandled faggruppe matter up the Sykehusinnkjøp line. */
  escalateToLine: Capability;
  /** The line (shiLine, else the secretariat) takes it on to the RHFs. */
  referToRhfs: Capability;
}

const forbidden = (reason: string): Refusal => ({ refusal: 'forbidden', reason });
const conflict = (reason: string): Refusal => ({ refusal: 'conflict', reason });
const badRequest = (reason: string): Refusal => ({ refusal: 'badRequest', reason });

/** States in which the case is still being handled (documents can be added). */
const handlingStatuses = ['open', 'dissent', 'outsideMandate', 'lineEscalated', 'escalated'];

export function caseCapabilities(input: CaseLifecycleInput): CaseCapabilities {
  const { status, kind, viewer, escalation } = input;
  const runsTheGroup = viewer.isGroupLeader || viewer.isSecretariat;
  const rhfIds = escalation?.rhfIds ?? [];
  // Escalated to a body (its configured target): the target's leader answers and settles for it.
  const toBody = Boolean(escalation?.targetBodyId);
  const actsForTarget = viewer.isSecretariat || viewer.leadsEscalationTarget === true;
  const answerForRhf = (rhfId: string): Capability => {
    if (!escalation || status !== 'escalated')
      return conflict('Saken er ikke eskalert og venter ikke på svar fra RHF-ene.');
    if (!rhfIds.includes(rhfId)) return badRequest('Dette RHF-et er ikke berørt av saken.');
    if (toBody)
      return actsForTarget
        ? null
        : forbidden('Bare lederen av organet saken er eskalert til, og sekretariatet, kan svare.');
    if (!viewer.isSecretariat && !viewer.rhfContactFor.includes(rhfId))
      return forbidden('Du kan bare svare for ditt eget RHF.');
    return null;
  };
  return {
    markOutsideMandate: !runsTheGroup
      ? forbidden('Bare styringsgruppens leder og sekretariatet kan gjøre dette.')
      : !['open', 'dissent'].includes(status)
        ? conflict('Saken kan ikke lenger merkes som utenfor mandatet.')
        : null,
    escalate: !runsTheGroup
      ? forbidden('Bare styringsgruppens leder og sekretariatet kan eskalere.')
      : refuseAs('conflict', escalationBlocker(status, status === 'open' ? input.tallyStatus : null)),
    escalateFurther:
      !escalation || status !== 'escalated'
        ? conflict('Saken er ikke eskalert.')
        : !toBody
          ? conflict('Saken er eskalert til RHF-ene; den kan ikke eskaleres videre.')
          : !actsForTarget
            ? forbidden(
                'Bare lederen av organet saken er eskalert til, og sekretariatet, kan eskalere videre.',
              )
            : !escalation.nextTargetName
              ? conflict(
                  'Organet saken er eskalert til har ikke noe eget eskaleringsmål; saken avklares der.',
                )
              : null,
    answerableRhfIds: rhfIds.filter((rhfId) => answerForRhf(rhfId) === null),
    answerForRhf,
    resolve:
      !escalation || status !== 'escalated'
        ? conflict('Saken er ikke eskalert.')
        : toBody && !actsForTarget
          ? forbidden(
              'Bare lederen av organet saken er eskalert til, og sekretariatet, kan registrere avklaringen.',
            )
          : !toBody && !viewer.isSecretariat && !rhfIds.some((id) => viewer.rhfContactFor.includes(id))
            ? forbidden('Bare kontaktpersoner i berørte RHF og sekretariatet kan registrere avklaringen.')
            : refuseAs(
                'conflict',
                settlementBlocker(rhfIds, escalation.answers, input.rhfName ?? ((id) => id)),
              ),
    recordConsultation:
      kind !== 'consultation'
        ? badRequest('Saken er ikke en konsultasjon.')
        : status !== 'open'
          ? conflict('Konsultasjonen er allerede avsluttet.')
          : !runsTheGroup && !viewer.isProcurementLead
            ? forbidden(
                'Bare leder anskaffelse, styringsgruppeleder og sekretariatet kan registrere konsultasjonen.',
              )
            : null,
    escalateToLine:
      kind !== 'faggruppeMatter' || !input.faggruppeMatter || input.today === undefined
        ? conflict('Bare uavklarte saker fra faggruppen eskaleres i linjen til Sykehusinnkjøp.')
        : !viewer.isSecretariat && !viewer.isProcurementLead
          ? forbidden(
              'Bare anskaffelsens leder (eller porteføljesekretariatet) kan eskalere saken i linjen til Sykehusinnkjøp.',
            )
          : refuseAs(
              'conflict',
              lineEscalationBlocker({ kind, status, ...input.faggruppeMatter }, input.today),
            ),
    referToRhfs:
      lineCapacity(
        { isShiLine: viewer.isShiLine === true, isSecretariat: viewer.isSecretariat },
        input.shiLineUserExists === true,
      ) === null
        ? forbidden(
            'Bare linjen i Sykehusinnkjøp (rollen «Linjeledelse Sykehusinnkjøp») tar saken videre til RHF-ene; porteføljesekretariatet gjør det bare der ingen har den rollen.',
          )
        : refuseAs('conflict', rhfReferralBlocker({ kind, status })),
    addDocuments:
      !viewer.isSecretariat && !viewer.isProcurementLead
        ? forbidden('Bare anskaffelsens leder og sekretariatet kan legge ved dokumenter.')
        : !handlingStatuses.includes(status)
          ? conflict('Saken er avsluttet; dokumenter legges ved saker som er under behandling.')
          : null,
  };
}

function refuseAs(refusal: Refusal['refusal'], reason: string | null): Capability {
  return reason === null ? null : { refusal, reason };
}
