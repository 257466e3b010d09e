// RHF information duties (issue 9 item 7; seed 001 §7 "Kontaktperson RHF"): the RHF contacts of each
// participating region are told, in the transaction of the change, when a procurement gets final significance
// høy or a risk profile høy, a case comes to a decide gate, and when a case ends in dissent. (Escalations and
// habilitet questions tell them where they are raised: cases/, habilitet-questions.service.ts.)
import type { Db } from '../../../db/client.js';
import { rhfInformationNotice, type RhfInformationEvent } from '../../../domain/rhf-information.rules.js';
import { notify } from '../../notifications/index.js';
import * as repo from './habilitet.repo.js';

/** Inside the caller's transaction: in-app notice and queued e-mail to every contact of the RHFs. */
export async function informRhfContacts(tx: Db, rhfIds: readonly string[], event: RhfInformationEvent) {
  if (rhfIds.length === 0) return;
  const contacts = await repo.rhfContactIds(tx, rhfIds);
  if (contacts.length === 0) return;
  await notify(
    tx,
    contacts.map((c) => c.personId),
    { kind: 'rhfInformation', ...rhfInformationNotice(event) },
  );
}
