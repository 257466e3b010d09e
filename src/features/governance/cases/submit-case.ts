// Submitting a case at a phase gate (seed 001 §5.2): who may, which kind the gate's involvement makes it
// (decision, consultation, delegation to the faggruppe), who decides it, and its documents checked on upload.
import type { Db } from '../../../db/client.js';
import { writeAudited } from '../../../db/unit-of-work.js';
import { gateLabels } from '../../../domain/involvement.rules.js';
import { accessOfUpload, checkAccess } from '../../../domain/offentleglova.rules.js';
import { badRequest, conflict, forbidden } from '../../../shared/app-error.js';
import { canEditProcurement, type CurrentUser } from '../../auth/index.js';
import { checkFile, storeNewDocument } from '../../documents/index.js';
import { notify } from '../../notifications/index.js';
import { registerStoredDocument } from '../../public-access/index.js';
import * as repo from '../governance.repo.js';
import type { SubmitCase } from '../governance.schemas.js';
import { raiseSupplierMatches } from '../habilitet/suppliers.service.js';
import { informRhfContacts } from '../habilitet/rhf-information.service.js';
import { electorateOf, loadGovernanceContext, workflowBlocker } from '../procurement-governance.service.js';
import { caseLink, excludedLabels } from './case-access.js';
import { getCase } from './case-view.js';

/** Case documents live in the document store; every upload is checked before anything is written. */
export async function storeDocuments(
  tx: Db,
  row: { id: string; steeringGroupId: string; procurementId: string | null },
  documents: SubmitCase['documents'],
  uploadedBy: string,
  today: string,
) {
  documents.forEach((document, index) => {
    checkFile(document, `documents.${index}`);
    // The legal basis is explicit (offentleglova): a bare `restricted: true` is refused, never defaulted.
    const problems = checkAccess(accessOfUpload(document));
    if (problems.length > 0)
      throw badRequest(
        `«${document.fileName}»: ${problems[0]!.message}`,
        problems.map((p) => ({ ...p, path: `documents.${index}.${p.path}` })),
      );
  });
  const stored = [];
  for (const document of documents) {
    const { document: row_, version } = await storeNewDocument(
      tx,
      {
        steeringGroupId: row.steeringGroupId,
        procurementId: row.procurementId,
        caseId: row.id,
        meetingId: null,
        title: document.fileName,
        access: accessOfUpload(document),
        file: document,
        uploadedBy,
        today,
      },
      { registerStoredDocument },
    );
    stored.push({
      fileName: version.fileName,
      sha256: version.sha256,
      restricted: row_.accessStatus !== 'public',
    });
  }
  return stored;
}

export async function submitCase(
  db: Db,
  user: CurrentUser,
  procurementId: string,
  input: SubmitCase,
  today: string,
) {
  const context = await loadGovernanceContext(db, procurementId);
  if (!canEditProcurement(user, context.procurement.procurementLeadId)) {
    throw forbidden('Bare anskaffelsens leder og porteføljesekretariatet kan fremme saker.');
  }
  const blocker = workflowBlocker(context);
  if (blocker) throw badRequest(blocker);
  const gateView = context.gates.find((g) => g.gate === input.gate)!;
  // A later reassessment of the significance is a new decision, so that gate takes cases at any time.
  if (gateView.status === 'passed' && input.gate !== 'significance') {
    throw conflict(`Fasen «${gateLabels[input.gate]}» er allerede passert.`);
  }
  const kind = input.delegate
    ? 'delegation'
    : gateView.involvement === 'consulted'
      ? 'consultation'
      : 'decision';
  if (gateView.involvement === 'informed' && !input.delegate) {
    throw badRequest(
      `Styringsgruppen skal bare informeres om «${gateLabels[input.gate]}»; fasen kan passeres uten sak.`,
    );
  }
  if (input.delegate && (input.gate === 'significance' || gateView.involvement !== 'decide')) {
    throw badRequest(
      'Bare godkjenning av plan, konkurransegrunnlag og tildeling kan delegeres til faggruppen.',
    );
  }
  if (
    context.cases.some(
      (c) =>
        c.gate === input.gate &&
        c.kind === kind &&
        ['open', 'dissent', 'outsideMandate', 'escalated'].includes(c.status),
    )
  ) {
    throw conflict('Det finnes allerede en åpen sak for denne fasen.');
  }
  const electorate = electorateOf(context, today);
  if (electorate.eligible.length === 0) {
    throw conflict(
      `Styringsgruppen kan ikke avgjøre saken: ingen stemmeberettigede medlemmer (${electorate.excluded.length === 0 ? 'gruppen har ingen medlemmer' : electorate.excluded.map((e) => `${e.member.personName}: ${excludedLabels[e.reason]}`).join('; ')}).`,
    );
  }
  const caseId = await writeAudited(db, user, async (tx, recordAudit) => {
    const id = await repo.insertCase(tx, {
      procurementId,
      steeringGroupId: context.procurement.steeringGroupId!,
      gate: input.gate,
      kind,
      delegatedGate: input.delegate ? input.gate : null,
      title: input.title,
      text: input.text,
      proposedSignificance: input.proposedSignificance ?? null,
      eligiblePersonIds: electorate.eligible.map((m) => m.personId),
      participatingRhfIds: context.participatingRhfIds,
      submittedByPersonId: user.personId,
    });
    const documents = await storeDocuments(
      tx,
      { id, steeringGroupId: context.procurement.steeringGroupId!, procurementId },
      input.documents,
      user.username,
      today,
    );
    await notify(
      tx,
      electorate.eligible.map((m) => m.personId),
      {
        kind: 'caseAwaitingVote',
        title: `Ny sak venter på deg: ${input.title}`,
        body: `${context.procurement.name} – ${gateLabels[input.gate]}`,
        link: caseLink(id),
      },
    );
    if (kind !== 'consultation')
      await informRhfContacts(tx, context.participatingRhfIds, {
        type: 'caseAtDecideGate',
        caseId: id,
        caseTitle: input.title,
        procurementName: context.procurement.name,
        gate: input.gate,
      });
    // Known tenderers against the deciding members' declarations (habilitet/suppliers.service.ts).
    await raiseSupplierMatches(tx, recordAudit, procurementId, user.username, today);
    await recordAudit({
      action: 'submitCase',
      entityType: 'case',
      entityId: id,
      summary: `Sak fremmet: ${input.title} (${context.procurement.name}, ${gateLabels[input.gate]})`,
      after: {
        ...input,
        documents: documents.map((d) => ({
          fileName: d.fileName,
          sha256: d.sha256,
          restricted: d.restricted,
        })),
        kind,
        eligiblePersonIds: electorate.eligible.map((m) => m.personId),
      },
    });
    return id;
  });
  return getCase(db, user, caseId, today);
}
