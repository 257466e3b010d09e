import type { Db } from '../../db/client.js';
import { writeAudited } from '../../db/unit-of-work.js';
import { notFound } from '../../shared/app-error.js';
import type { CurrentUser } from '../auth/index.js';
import { summariseArea } from './action-plans.rules.js';
import * as repo from './action-plans.repo.js';
import type { ActionPlanDto } from './action-plans.schemas.js';
import type { z } from 'zod';
import type { updateMeasureSchema } from './action-plans.schemas.js';

export async function listActionPlans(db: Db): Promise<ActionPlanDto[]> {
  const plans = await repo.listPlans(db);
  const result: ActionPlanDto[] = [];
  for (const plan of plans) {
    const areas = await repo.listAreas(db, plan.id);
    const measures = await repo.listMeasures(
      db,
      areas.map((area) => area.id),
    );
    const totals = { done: 0, inProgress: 0, notStarted: 0, unknown: 0 };
    const areaDtos = areas.map((area) => {
      const own = measures
        .filter((m) => m.areaId === area.id)
        .map(({ areaId: _a, sortOrder: _s, ...m }) => m);
      const { counts, notStarted } = summariseArea(own);
      for (const key of Object.keys(totals) as Array<keyof typeof totals>) totals[key] += counts[key];
      return { id: area.id, name: area.name, focusAreas: area.focusAreas, counts, notStarted, measures: own };
    });
    result.push({ ...plan, totals, areas: areaDtos });
  }
  return result;
}

export async function updateMeasure(
  db: Db,
  user: CurrentUser,
  id: string,
  input: z.infer<typeof updateMeasureSchema>,
) {
  await writeAudited(db, user, async (tx, recordAudit) => {
    const before = await repo.findMeasure(tx, id);
    if (!before) throw notFound('Tiltaket finnes ikke.');
    await repo.updateMeasure(tx, id, input);
    await recordAudit({
      action: 'update',
      entityType: 'actionPlanMeasure',
      entityId: id,
      summary: `Oppdatert tiltak «${before.title}»`,
      before,
      after: input,
    });
  });
}
