// Implementation plans per awarded agreement and HF: create them with the default checklist, report items,
// and the Implementeringsforum overview (all plans, late items). Every write one audited transaction.
import type { Db } from '../../db/client.js';
import { writeAudited } from '../../db/unit-of-work.js';
import { badRequest, conflict, forbidden, notFound } from '../../shared/app-error.js';
import {
  defaultChecklist,
  isItemLate,
  summariseImplementation,
  summarisePlan,
} from '../../domain/implementation.rules.js';
import { canActForHf } from '../../domain/regional-access.rules.js';
import type { CurrentUser } from '../auth/index.js';
import * as repo from './implementation.repo.js';
import type { AddItem, CreatePlans, PlanDto, UpdateItem } from './implementation.schemas.js';

const notYours =
  'Bare HF-ets innkjøpsleder, regionens kontaktperson eller sekretariatet kan endre denne planen.';

export async function listPlans(
  db: Db,
  today: string,
  query: { agreementId?: string; lateOnly?: boolean } = {},
): Promise<PlanDto[]> {
  const rows = await repo.listPlanRows(db, query.agreementId);
  const items = await repo.listItems(
    db,
    rows.map((row) => row.plan.id),
  );
  const plans = rows.map(({ plan, agreement, hf }) => {
    const own = items
      .filter((item) => item.planId === plan.id)
      .map(({ planId: _p, sortOrder: _s, ...item }) => ({ ...item, isLate: isItemLate(item, today) }));
    return {
      id: plan.id,
      agreement,
      hf,
      responsibleName: plan.responsibleName,
      dueDate: plan.dueDate,
      summary: summarisePlan(own, today),
      items: own,
    };
  });
  return query.lateOnly ? plans.filter((plan) => plan.summary.late > 0) : plans;
}

/** Implementeringsforum's view and the portfolio report's figures. */
export async function getImplementationOverview(db: Db, today: string, query: { lateOnly?: boolean } = {}) {
  const plans = await listPlans(db, today);
  return {
    figures: summariseImplementation(
      plans.map((plan) => ({ agreementId: plan.agreement.id, summary: plan.summary })),
    ),
    plans: query.lateOnly ? plans.filter((plan) => plan.summary.late > 0) : plans,
  };
}

export async function createPlans(db: Db, user: CurrentUser, agreementId: string, input: CreatePlans) {
  const agreement = await repo.findAgreement(db, agreementId);
  if (!agreement) throw notFound('Avtalen finnes ikke.');
  if (agreement.status === 'expired' || agreement.status === 'terminated')
    throw badRequest('Avtalen er utløpt eller avsluttet; den skal ikke implementeres.');
  const hfs = await repo.findOrganisations(db, [...new Set(input.hfIds)]);
  const notHf = input.hfIds.filter((id) => !hfs.some((hf) => hf.id === id && hf.kind === 'HF'));
  if (notHf.length > 0)
    throw badRequest('Velg helseforetak (HF).', [{ path: 'hfIds', message: 'Ukjent HF' }]);
  for (const hf of hfs) if (!canActForHf(user, hf.rhfId ?? '', hf.id)) throw forbidden(notYours);
  return writeAudited(db, user, async (tx, recordAudit) => {
    const existing = new Set((await repo.listPlansOfAgreement(tx, agreementId)).map((plan) => plan.hfId));
    const taken = hfs.filter((hf) => existing.has(hf.id));
    if (taken.length > 0)
      throw conflict(
        'Noen av helseforetakene har allerede en implementeringsplan for avtalen.',
        taken.map((hf) => ({ path: 'hfIds', message: hf.name })),
      );
    const ids: string[] = [];
    for (const hf of hfs) {
      const plan = await repo.insertPlan(tx, {
        agreementId,
        hfId: hf.id,
        dueDate: input.dueDate,
        responsibleName: input.responsibleName,
        createdByName: user.personName,
      });
      await repo.insertItems(
        tx,
        defaultChecklist.map((title, sortOrder) => ({
          planId: plan.id,
          title,
          sortOrder,
          dueDate: input.dueDate,
          responsibleName: input.responsibleName,
        })),
      );
      ids.push(plan.id);
    }
    await recordAudit({
      action: 'create',
      entityType: 'implementationPlan',
      entityId: agreementId,
      summary: `Implementeringsplan for ${agreement.agreementNumber}: ${hfs.map((hf) => hf.name).join(', ')}`,
      after: { planIds: ids, ...input },
    });
    return ids;
  });
}

export async function updateItem(db: Db, user: CurrentUser, id: string, input: UpdateItem, today: string) {
  await writeAudited(db, user, async (tx, recordAudit) => {
    const found = await repo.findItemWithPlan(tx, id);
    if (!found) throw notFound('Punktet finnes ikke.');
    if (!canActForHf(user, found.regionId ?? '', found.plan.hfId)) throw forbidden(notYours);
    const status = input.status ?? found.item.status;
    const after = await repo.updateItem(tx, id, {
      ...(input.status === undefined ? {} : { status }),
      ...(input.responsibleName === undefined ? {} : { responsibleName: input.responsibleName }),
      ...(input.dueDate === undefined ? {} : { dueDate: input.dueDate }),
      doneOn: status === 'done' ? (found.item.doneOn ?? today) : null,
    });
    await recordAudit({
      action: 'update',
      entityType: 'implementationItem',
      entityId: id,
      summary: `Implementering: «${found.item.title}» ${after.status}`,
      before: found.item,
      after,
    });
  });
}

export async function addItem(db: Db, user: CurrentUser, planId: string, input: AddItem) {
  return writeAudited(db, user, async (tx, recordAudit) => {
    const found = await repo.findPlanWithRegion(tx, planId);
    if (!found) throw notFound('Planen finnes ikke.');
    if (!canActForHf(user, found.regionId ?? '', found.plan.hfId)) throw forbidden(notYours);
    const values = {
      planId,
      title: input.title,
      responsibleName: input.responsibleName,
      dueDate: input.dueDate ?? null,
      sortOrder: await repo.nextSortOrder(tx, planId),
    };
    await repo.insertItems(tx, [values]);
    await recordAudit({
      action: 'create',
      entityType: 'implementationItem',
      entityId: planId,
      summary: `Implementering: nytt punkt «${input.title}»`,
      after: values,
    });
  });
}
