// The living demo's public access (issue 11 item 4): the papers of the demo cases and meetings are journalled
// by the document store; here an access request by e-mail, received yesterday for two of those journal
// entries, is due within three working days — the cockpit shows it near its deadline.
import { accessRequests } from '../../db/schema.js';
import type { Actor } from '../../db/unit-of-work.js';
import { loadJournalViews, registerRequest } from '../public-access/index.js';
import type { DemoContext } from './demo-context.js';

export async function seedDemoAccessRequest(ctx: DemoContext, actor: Actor) {
  const [existing] = await ctx.db.select({ id: accessRequests.id }).from(accessRequests).limit(1);
  if (existing) return null;
  const entries = (await loadJournalViews(ctx.db, ctx.today, {})).filter(
    (view) => view.access.accessStatus === 'public',
  );
  const request = await registerRequest(
    ctx.db,
    actor,
    {
      channel: 'email',
      receivedOn: ctx.day(-1),
      journalEntryIds: entries.slice(0, 2).map((view) => view.row.entry.id),
      message: 'Ber om innsyn i saksdokumentene om ablasjon.',
      name: 'Nora Journalistsen',
      email: 'nora@demo-avisa.no',
      address: null,
    },
    ctx.today,
  );
  return { id: request.id };
}
