// The living demo's cases (issue 11 item 4), brought, voted on and escalated through the governance use cases
// as the demo users would: in KIR a decided significance case and a plan case waiting for `medlem` (Mona
// Styringsdal, Helse Vest), and in MTU/BHM/MGU a dissent escalated to the RHFs, answered by two of the four,
// so Helse Vest's `kontakt` has an answer to give, and in LAB a habilitet question for `kontakt` to decide.
// Days are relative to the demo's today.
import { eq } from 'drizzle-orm';
import { cases, escalations, habilitetQuestions } from '../../db/schema.js';
import { systemActor, writeAudited, type Actor } from '../../db/unit-of-work.js';
import { osloInstant } from '../../shared/clock.js';
import {
  answerForRhf,
  castVote,
  escalateCase,
  governanceRepo,
  passGate,
  procurementStatusBlocker,
  setRisk,
  submitCase,
} from '../governance/index.js';
import { updateProcurement } from '../procurements/index.js';
import { demoProcurements } from '../reporting/index.js';
import { demoPaper, type DemoContext } from './demo-context.js';

/** A public case paper (offentleglova: public by default). */
const casePaper = (fileName: string, lines: string[]) => ({
  ...demoPaper(fileName, lines),
  restricted: false,
  accessStatus: 'public' as const,
});

export const DEMO_CASES = {
  ablasjonSignificance: 'Endelig strategisk betydning for ablasjon',
  ablasjonPlan: 'Anskaffelsesplan for ablasjon',
  infusionPumpsTender: 'Godkjenning av konkurransegrunnlag for infusjonspumper',
  laboratorySignificance: 'Endelig strategisk betydning for laboratorieanalysatorer',
} as const;

/**
 * The demo's history: the case was brought (or escalated) `days` ago. The use cases stamp it with the moment of
 * the seed; the demo moves the stamp to its day, so "waiting for more than 7 days" holds on any day.
 */
async function dateDaysAgo(
  ctx: DemoContext,
  actor: Actor,
  caseId: string,
  what: 'submitted' | 'escalated' | 'questioned',
  days: number,
) {
  await writeAudited(ctx.db, actor, async (tx, recordAudit) => {
    const at = osloInstant(ctx.day(-days), '09:00');
    if (what === 'submitted') await governanceRepo.updateCase(tx, caseId, { submittedAt: at });
    else if (what === 'escalated')
      await tx.update(escalations).set({ escalatedAt: at }).where(eq(escalations.caseId, caseId));
    else
      await tx.update(habilitetQuestions).set({ raisedAt: at }).where(eq(habilitetQuestions.caseId, caseId));
    await recordAudit({
      action: 'seed',
      entityType: 'case',
      entityId: caseId,
      summary: `Demodata: ${{ submitted: 'saken ble fremmet', escalated: 'saken ble eskalert', questioned: 'habilitetsspørsmålet ble reist' }[what]} for ${days} dager siden`,
      after: { [`${what}At`]: at.toISOString() },
    });
  });
}

export async function seedDemoCases(ctx: DemoContext, actor: Actor = systemActor('seed')) {
  const [existing] = await ctx.db
    .select({ id: cases.id })
    .from(cases)
    .where(eq(cases.title, DEMO_CASES.infusionPumpsTender));
  if (existing) return null;
  const leder = await ctx.as('leder');
  const secretariat = await ctx.as('sekretariat');
  const ablasjon = await ctx.procurementId('Ablasjon');
  // The secretariat makes the demo procurement lead the lead of Ablasjon and of the demo procurements.
  for (const name of ['Ablasjon', ...demoProcurements.map((p) => p.name)])
    await updateProcurement(
      ctx.db,
      secretariat,
      await ctx.procurementId(name),
      { procurementLeadId: leder.personId },
      { statusBlocker: procurementStatusBlocker },
    );

  // Ablasjon's facts as its significance case states them: høy risk, about 260 mill. kr.
  await updateProcurement(
    ctx.db,
    secretariat,
    ablasjon,
    { contractValueNok: '260000000.00' },
    { statusBlocker: procurementStatusBlocker },
  );
  await setRisk(ctx.db, leder, ablasjon, {
    profile: 'høy',
    note: 'Stor kontraktsverdi, få leverandører og kritisk for pasientbehandlingen.',
  });

  // KIR: significance decided by all four members 12 days ago (a numbered decision since medlem's last visit);
  // the procurement lead passes the gate on the day of the decision, so the report shows it passed.
  const significance = await submitCase(
    ctx.db,
    leder,
    ablasjon,
    {
      gate: 'significance',
      title: DEMO_CASES.ablasjonSignificance,
      text: 'Kontraktsverdi over 200 mill. kr i et medisinsk hovedområde (KIR). Forslag: høy.',
      proposedSignificance: 'høy',
      delegate: false,
      documents: [
        casePaper('Saksframlegg strategisk betydning ablasjon.txt', [
          'Saksframlegg: endelig strategisk betydning for ablasjon',
          'Risikoprofil: høy. Kontraktsverdi: ca. 260 mill. kr. Kategori: KIR (medisinsk hovedområde).',
          'Forslag til vedtak: Strategisk betydning settes til høy.',
        ]),
      ],
    },
    ctx.day(-20),
  );
  await dateDaysAgo(ctx, actor, significance.id, 'submitted', 20);
  for (const member of ['kir-hn', 'kir-hmn', 'medlem', 'kir-hso'])
    await castVote(
      ctx.db,
      await ctx.as(member),
      significance.id,
      { vote: 'approve', comment: null },
      ctx.day(-12),
    );
  await passGate(ctx.db, leder, ablasjon, 'significance', null, ctx.day(-12));

  // KIR: the procurement plan, brought ten days ago; two have approved, medlem and Helse Sør-Øst have not.
  const plan = await submitCase(
    ctx.db,
    leder,
    ablasjon,
    {
      gate: 'plan',
      title: DEMO_CASES.ablasjonPlan,
      text: 'Anskaffelsesplanen for ablasjonskatetre og tilhørende utstyr: behov, markedsdialog, tidsplan og faggruppe.',
      delegate: false,
      documents: [
        casePaper('Anskaffelsesplan ablasjon.txt', [
          'Anskaffelsesplan: ablasjon',
          'Behov: ablasjonskatetre, kartleggingssystemer og forbruksmateriell for alle fire regioner.',
          'Markedsdialog: dialogkonferanse før kunngjøring. Faggruppe: elektrofysiologer fra hver region.',
        ]),
      ],
    },
    ctx.day(-10),
  );
  await dateDaysAgo(ctx, actor, plan.id, 'submitted', 10);
  for (const member of ['kir-hn', 'kir-hmn'])
    await castVote(ctx.db, await ctx.as(member), plan.id, { vote: 'approve', comment: null }, ctx.day(-8));

  // MTU/BHM/MGU: the tender documents for infusion pumps; Helse Midt-Norge objects, the group is in dissent,
  // the secretariat escalates with the joint brief, and the answers of Helse Nord and Helse Midt-Norge (by
  // e-mail, recorded by the secretariat) are in: Helse Vest and Helse Sør-Øst have yet to answer.
  const pumps = await ctx.procurementId('Infusjonspumper');
  const tender = await submitCase(
    ctx.db,
    leder,
    pumps,
    {
      gate: 'tenderApproval',
      title: DEMO_CASES.infusionPumpsTender,
      text: 'Konkurransegrunnlaget for infusjonspumper er klart for kunngjøring. Forslag: godkjennes.',
      delegate: false,
      documents: [
        casePaper('Konkurransegrunnlag infusjonspumper.txt', [
          'Konkurransegrunnlag: infusjonspumper med tilhørende forbruksmateriell',
          'Tildelingskriterier: kvalitet 50 %, pris 40 %, miljø 10 %. Én leverandør nasjonalt.',
        ]),
      ],
    },
    ctx.day(-9),
  );
  await dateDaysAgo(ctx, actor, tender.id, 'submitted', 9);
  await castVote(
    ctx.db,
    await ctx.as('mtu-bhm-mgu-hn'),
    tender.id,
    { vote: 'approve', comment: null },
    ctx.day(-8),
  );
  await castVote(
    ctx.db,
    await ctx.as('mtu-bhm-mgu-hmn'),
    tender.id,
    {
      vote: 'object',
      comment: 'Én leverandør nasjonalt gir for stor forsyningsrisiko; vi ønsker to parallelle avtaler.',
    },
    ctx.day(-7),
  );
  await escalateCase(
    ctx.db,
    secretariat,
    tender.id,
    {
      reason: 'dissent',
      brief:
        'Gruppen er uenig om én eller to leverandører. Helse Midt-Norge vil ha to parallelle avtaler for forsyningssikkerhet; de andre mener én avtale gir bedre pris og enklere opplæring.',
      recommendation: 'Gruppen anbefaler én nasjonal avtale med krav til beredskapslager hos leverandøren.',
    },
    ctx.day(-6),
  );
  await dateDaysAgo(ctx, actor, tender.id, 'escalated', 6);
  for (const [code, answer] of [
    ['HN', 'Helse Nord RHF støtter anbefalingen om én nasjonal avtale med beredskapslager.'],
    [
      'HMN',
      'Helse Midt-Norge RHF står fast på to parallelle avtaler, men godtar beredskapslager som vilkår.',
    ],
  ] as const)
    await answerForRhf(ctx.db, secretariat, tender.id, { rhfId: await ctx.rhfId(code), answer }, ctx.day(-3));

  // LAB: the laboratory significance, brought three days ago; Helse Vest's member reports a possible conflict,
  // a habilitet question for Helse Vest's contact person (`kontakt`) to decide (seed 001 §7.2).
  const laboratory = await submitCase(
    ctx.db,
    leder,
    await ctx.procurementId('Laboratorieanalysatorer og reagenser'),
    {
      gate: 'significance',
      title: DEMO_CASES.laboratorySignificance,
      text: 'Kontraktsverdi ca. 450 mill. kr, høy risikoprofil, medisinsk hovedområde (LAB). Forslag: høy.',
      proposedSignificance: 'høy',
      delegate: false,
      documents: [],
    },
    ctx.day(-3),
  );
  await dateDaysAgo(ctx, actor, laboratory.id, 'submitted', 3);
  await castVote(
    ctx.db,
    await ctx.as('lab-hn'),
    laboratory.id,
    { vote: 'approve', comment: null },
    ctx.day(-2),
  );
  await castVote(
    ctx.db,
    await ctx.as('lab-hv'),
    laboratory.id,
    {
      vote: 'conflict',
      comment: 'Min ektefelle er salgssjef hos en av de aktuelle leverandørene av analysatorer.',
    },
    ctx.day(-2),
  );
  await dateDaysAgo(ctx, actor, laboratory.id, 'questioned', 2);
  return { significance: significance.id, plan: plan.id, tender: tender.id, laboratory: laboratory.id };
}
