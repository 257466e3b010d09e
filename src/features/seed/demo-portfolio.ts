// The demo step of the one seed module (`styr seed --demo` and the first `npm start` in demo mode run exactly
// this): the demo users and members, then the living portfolio — KIR's meeting plan, spend invoices, KPIs and
// programme, the demo procurements, Helse Nord's category responsibility, cases, meetings, the annual plan out
// for feedback, an access request and Helse Bergen's agreements and implementation plans — all drawn relative
// to the one clock's today, so the portfolio has the same shape on any day. Each step is idempotent, so a
// second run adds nothing.
import type { Db } from '../../db/client.js';
import { systemActor, type Actor } from '../../db/unit-of-work.js';
import { seedCategoryResponsibilityDemo } from '../category-responsibility/index.js';
import { seedSecretariatDemo } from '../meetings/index.js';
import { seedDemoProcurements, seedPortfolioDemo } from '../reporting/index.js';
import { seedSpendDemo } from '../spend/index.js';
import { seedDemoAgreements } from './demo-agreements.js';
import { seedDemoAnnualPlan } from './demo-annual-plan.js';
import { seedDemoCases } from './demo-cases.js';
import { demoContext } from './demo-context.js';
import { seedDemoMeetings } from './demo-meetings.js';
import { seedDemoAccessRequest } from './demo-public-access.js';
import { seedDemoData } from './seed.js';

export async function seedDemo(db: Db, today: string, options: { actor?: Actor; spendDir?: string } = {}) {
  const actor = options.actor ?? systemActor('seed');
  const demo = await seedDemoData(db, today, actor);
  await seedSecretariatDemo(db, today);
  if (options.spendDir) await seedSpendDemo(db, options.spendDir, today, actor);
  await seedPortfolioDemo(db, today, actor);
  await seedDemoProcurements(db, today, actor);
  await seedCategoryResponsibilityDemo(db, today, actor);
  const ctx = demoContext(db, today);
  const cases = await seedDemoCases(ctx, actor);
  if (cases) await seedDemoMeetings(ctx, cases);
  await seedDemoAnnualPlan(ctx);
  await seedDemoAccessRequest(ctx, actor);
  await seedDemoAgreements(ctx, actor);
  return demo;
}
