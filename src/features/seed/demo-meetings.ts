// The living demo's meetings (issue 11 item 4), through the meeting use cases as the secretariat would: in KIR a
// meeting held two weeks ago that decided the ablasjon significance, with draft minutes awaiting approval, and
// a meeting next week with its agenda filled from the open cases and a paper; two actions now overdue (one for
// `medlem`). KIR's approved plan with its other meetings comes from the meetings feature's own demo.
import { and, eq } from 'drizzle-orm';
import { meetings } from '../../db/schema.js';
import { osloInstant } from '../../shared/clock.js';
import {
  addAgendaItem,
  addMeeting,
  createAction,
  fillAgendaFromCases,
  saveMinutes,
  type MeetingContext,
} from '../meetings/index.js';
import { uploadDocument } from '../documents/index.js';
import { registerStoredDocument } from '../public-access/index.js';
import { steeringGroupsRepo } from '../steering-groups/index.js';
import { demoPaper, type DemoContext } from './demo-context.js';

export const DEMO_MEETINGS = {
  held: 'Styringsgruppemøte (gjennomført)',
  nextWeek: 'Styringsgruppemøte neste uke',
} as const;

export async function seedDemoMeetings(ctx: DemoContext, demoCases: { significance: string; plan: string }) {
  const kir = await ctx.groupId('KIR');
  const [existing] = await ctx.db
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(eq(meetings.steeringGroupId, kir), eq(meetings.title, DEMO_MEETINGS.nextWeek)));
  if (existing) return null;
  const secretariat = await ctx.as('sekretariat');
  const meetingContext = (today: string): MeetingContext => ({
    today,
    now: osloInstant(today, '08:00'),
    publicUrl: 'http://localhost:3000',
    organizerEmail: 'sekretariat@demo.styringsportalen.no',
  });
  const at = (days: number, time: string) => osloInstant(ctx.day(days), time).toISOString();

  // Held two weeks ago: the ablasjon significance on the agenda, draft minutes not yet approved.
  const held = await addMeeting(
    ctx.db,
    secretariat,
    kir,
    {
      title: DEMO_MEETINGS.held,
      startsAt: at(-14, '10:00'),
      endsAt: at(-14, '12:00'),
      location: 'Teams',
      invitationDaysBefore: 14,
    },
    meetingContext(ctx.day(-28)),
  );
  const heldItem = await addAgendaItem(
    ctx.db,
    secretariat,
    held,
    { title: 'Endelig strategisk betydning for ablasjon', description: null, caseId: demoCases.significance },
    ctx.day(-20),
  );
  const members = (await steeringGroupsRepo.listMembers(ctx.db, kir)).filter(
    (m, index, all) => all.findIndex((other) => other.personId === m.personId) === index,
  );
  await saveMinutes(
    ctx.db,
    secretariat,
    held,
    {
      attendance: members.map((m, index) => ({ personId: m.personId, present: index !== 3 })),
      items: [
        {
          agendaItemId: heldItem,
          summary:
            'Gruppen drøftet risikoprofil og kontraktsverdi. Alle stemmeberettigede medlemmer sluttet seg til forslaget.',
          decision: null,
          dissent: [],
        },
      ],
      changeNote: null,
    },
    ctx.day(-13),
  );

  // Actions from the held meeting, both past their due date now.
  const medlem = await ctx.as('medlem');
  const other = members.find((m) => m.personId !== medlem.personId)!;
  for (const [owner, title, due] of [
    [medlem.personId, 'Innhente Helse Vests behov for kartleggingssystemer', -4],
    [other.personId, 'Oppsummere markedsdialogen for ablasjon til neste møte', -2],
  ] as const)
    await createAction(
      ctx.db,
      secretariat,
      kir,
      {
        title,
        ownerPersonId: owner,
        dueDate: ctx.day(due),
        meetingId: held,
        agendaItemId: heldItem,
        caseId: null,
      },
      ctx.day(-13),
    );

  // Next week: the agenda filled from KIR's open cases (and the follow-up of open actions), with a paper.
  const next = await addMeeting(
    ctx.db,
    secretariat,
    kir,
    {
      title: DEMO_MEETINGS.nextWeek,
      startsAt: at(7, '10:00'),
      endsAt: at(7, '12:00'),
      location: 'Teams',
      invitationDaysBefore: 7, // due today: the cockpit shows the invitation to send
    },
    meetingContext(ctx.day(-2)),
  );
  await fillAgendaFromCases(ctx.db, secretariat, next, ctx.day(-1));
  await uploadDocument(
    ctx.db,
    secretariat,
    kir,
    {
      ...demoPaper('Innkalling og saksliste.txt', [
        'Innkalling til møte i Styringsgruppe KIR',
        `Tid: ${ctx.day(7)} kl. 10.00–12.00. Sted: Teams.`,
        'Saker: anskaffelsesplan for ablasjon; oppfølging av vedtak.',
      ]),
      title: 'Innkalling og saksliste',
      accessStatus: 'public',
      legalBasis: null,
      shieldedWords: [],
      meetingId: next,
      procurementId: null,
    },
    ctx.day(-1),
    { registerStoredDocument },
  );
  return { held, next };
}
