import type { Db } from '../../db/client.js';
import { writeAudited, type Actor } from '../../db/unit-of-work.js';
import { badRequest, conflict, notFound } from '../../shared/app-error.js';
import * as repo from './organisations.repo.js';
import type { CreateOrganisation, UpdateOrganisation } from './organisations.schemas.js';

export const listOrganisations = (db: Db) => repo.listOrganisations(db);

async function checkLinks(db: Db, kind: string, rhfId: string | null, parentId: string | null) {
  if (kind === 'HF' && !rhfId)
    throw badRequest('Et helseforetak (HF) må høre til et RHF.', [{ path: 'rhfId', message: 'Mangler RHF' }]);
  if (rhfId) {
    const rhf = await repo.findOrganisation(db, rhfId);
    if (!rhf || rhf.kind !== 'RHF')
      throw badRequest('rhfId må vise til et regionalt helseforetak.', [
        { path: 'rhfId', message: 'Ikke et RHF' },
      ]);
  }
  if (parentId && !(await repo.findOrganisation(db, parentId))) {
    throw badRequest('Overordnet organisasjon finnes ikke.', [{ path: 'parentId', message: 'Finnes ikke' }]);
  }
}

export async function createOrganisation(db: Db, actor: Actor, input: CreateOrganisation) {
  return writeAudited(db, actor, async (tx, recordAudit) => {
    if (await repo.findOrganisationByCode(tx, input.code))
      throw conflict(`Organisasjonskoden ${input.code} er i bruk.`);
    await checkLinks(tx, input.kind, input.rhfId, input.parentId);
    const created = await repo.insertOrganisation(tx, input);
    await recordAudit({
      action: 'create',
      entityType: 'organisation',
      entityId: created.id,
      summary: `Opprettet ${created.name}`,
      after: created,
    });
    return created;
  });
}

export async function updateOrganisation(db: Db, actor: Actor, id: string, input: UpdateOrganisation) {
  return writeAudited(db, actor, async (tx, recordAudit) => {
    const before = await repo.findOrganisation(tx, id);
    if (!before) throw notFound('Organisasjonen finnes ikke.');
    const next = { ...before, ...input };
    await checkLinks(tx, next.kind, next.rhfId, next.parentId);
    const after = await repo.updateOrganisation(tx, id, input);
    await recordAudit({
      action: 'update',
      entityType: 'organisation',
      entityId: id,
      summary: `Endret ${after.name}`,
      before,
      after,
    });
    return after;
  });
}
