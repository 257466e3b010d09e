// The living demo's annual procurement plan (issue 11 item 4): this year's plan holds the demo procurements
// with their initial significance, risk profile and gain estimate, and is out for the RHFs' feedback; Helse
// Nord has answered on two items, Helse Vest (`kontakt`) not yet. Through the annual-plan use cases.
import { changeStatus, commentOnItem, createPlan, getPlan, putItem } from '../annual-plan/index.js';
import { demoProcurements } from '../reporting/index.js';
import type { DemoContext } from './demo-context.js';

/** Gain estimates (NOK) of the demo procurements: about 3–7 % of the contract value (seed 003's target). */
const gainShare = [0.05, 0.04, 0.06, 0.03, 0.07, 0.05, 0.04, 0.06];

export async function seedDemoAnnualPlan(ctx: DemoContext) {
  const year = Number(ctx.today.slice(0, 4));
  const secretariat = await ctx.as('sekretariat');
  try {
    await getPlan(ctx.db, year);
    return null; // already there
  } catch {
    // not there yet
  }
  await createPlan(ctx.db, secretariat, year);
  for (const [index, demo] of demoProcurements.entries())
    await putItem(ctx.db, secretariat, year, {
      procurementId: await ctx.procurementId(demo.name),
      initialSignificance: demo.initial,
      gainEstimateNok: (Number(demo.contractValueNok) * gainShare[index % gainShare.length]!).toFixed(2),
      riskProfile: demo.risk,
      note: null,
    });
  await changeStatus(ctx.db, secretariat, year, 'rhfFeedback');
  const plan = await getPlan(ctx.db, year);
  const helseNord = await ctx.rhfId('HN');
  for (const [index, item] of plan.items.slice(0, 2).entries())
    await commentOnItem(ctx.db, secretariat, year, item.id, {
      rhfId: helseNord,
      agreesWithSignificance: index === 0 ? 'ja' : 'nei',
      proposedSignificance: index === 0 ? null : 'høy',
      comment:
        index === 0 ? null : 'Helse Nord RHF mener betydningen bør være høy på grunn av forsyningsrisiko.',
    });
  return { year, items: plan.items.length };
}
