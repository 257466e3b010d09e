// Demo members of Helse Nord's bodies (seed 000): the HFs' directors in the Direktørmøte, their line-2 leaders in
// Strategisk innkjøpsforum, the purchasing chiefs in the Anskaffelsesstyre, Innkjøpsforum and
// Implementeringsforum, and REFIL's register lead. Fictional people; each can log in (password `demo`).
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { appointmentChecks, memberships, organisations, trainingCompletions } from '../../db/schema.js';
import { trainingModules } from '../../domain/training.rules.js';
import { firstOfMonth } from '../../shared/calendar-date.js';
import { peopleRepo } from '../people/index.js';
import * as repo from './governance-bodies.repo.js';
import { HELSE_NORD_CODE } from './helse-nord-model.js';

/** The HFs of Helse Nord with the short name used in the demo logins. */
const hfs: Array<{ code: string; short: string }> = [
  { code: 'UNIVERSITETSSYKEHUSET-NORD-NORGE-HF', short: 'unn' },
  { code: 'NORDLANDSSYKEHUSET-HF', short: 'nlsh' },
  { code: 'FINNMARKSSYKEHUSET-HF', short: 'fin' },
  { code: 'HELGELANDSSYKEHUSET-HF', short: 'hsyk' },
  { code: 'SYKEHUSAPOTEK-NORD-HF', short: 'sano' },
  { code: 'HELSE-NORD-IKT-HF', short: 'hnikt' },
];

const givenNames = ['Aud', 'Bjørn', 'Cecilie', 'Dag', 'Elin', 'Frode', 'Gro', 'Harald', 'Inger', 'Jostein'];
const familyNames = ['Nordvik', 'Tromsdal', 'Lofthus', 'Bodøsen', 'Varanger', 'Helgeland', 'Saltdal'];

interface Seat {
  /** Login prefix: one person per HF and prefix, sitting in every body listed. */
  prefix: 'dm' | 'sif' | 'innkjop';
  title: string;
  bodies: Array<{ code: string; leaderHf: string | null }>;
}

const seats: Seat[] = [
  { prefix: 'dm', title: 'Administrerende direktør', bodies: [{ code: 'HN-DM', leaderHf: null }] },
  { prefix: 'sif', title: 'Linje 2-leder', bodies: [{ code: 'HN-SIF', leaderHf: 'unn' }] },
  {
    prefix: 'innkjop',
    title: 'Innkjøpssjef',
    bodies: [
      { code: 'HN-AS', leaderHf: 'nlsh' },
      { code: 'HN-IF', leaderHf: 'unn' },
      { code: 'HN-IMP', leaderHf: 'fin' },
    ],
  },
];

/** Adds the demo members; returns how many logins were made. Runs inside the demo seed's transaction. */
export async function seedBodyDemoMembers(
  tx: Db,
  options: { passwordHash: string; today: string },
): Promise<{ logins: number; members: number }> {
  const [region] = await tx.select().from(organisations).where(eq(organisations.code, HELSE_NORD_CODE));
  if (!region) return { logins: 0, members: 0 };
  const bodies = new Map((await repo.listRegionBodies(tx, region.id)).map((body) => [body.code, body]));
  if (bodies.size === 0) return { logins: 0, members: 0 };
  const orgs = new Map((await tx.select().from(organisations)).map((row) => [row.code, row]));
  const termStart = firstOfMonth(options.today, -6);
  let nameIndex = 0;
  let logins = 0;
  let members = 0;
  const addPerson = async (
    username: string,
    title: string,
    organisationId: string,
    hfPurchasing: boolean,
  ) => {
    const name = `${givenNames[nameIndex % givenNames.length]} ${familyNames[(nameIndex * 3) % familyNames.length]}`;
    nameIndex += 1;
    const person = await peopleRepo.insertPerson(tx, {
      name,
      title,
      email: `${username}@demo.styringsportalen.no`,
      organisationId,
    });
    await peopleRepo.insertUser(
      tx,
      { personId: person.id, username, passwordHash: options.passwordHash, isDemo: true },
      [
        { role: 'steeringGroupMember', organisationId },
        ...(hfPurchasing ? [{ role: 'hfPurchasing' as const, organisationId }] : []),
      ],
    );
    await tx
      .insert(trainingCompletions)
      .values(
        trainingModules.map((m) => ({
          personId: person.id,
          module: m.number,
          completedOn: termStart,
          recordedBy: 'demodata',
        })),
      )
      .onConflictDoNothing();
    logins += 1;
    return person.id;
  };
  const join = async (bodyCode: string, personId: string, representsId: string, isLeader: boolean) => {
    const body = bodies.get(bodyCode);
    if (!body) return;
    const [membership] = await tx
      .insert(memberships)
      .values({
        steeringGroupId: body.id,
        personId,
        rhfId: region.id,
        representsOrganisationId: representsId,
        isLeader,
        termStart,
        termEnd: firstOfMonth(termStart, 24),
      })
      .returning({ id: memberships.id });
    await tx.insert(appointmentChecks).values({
      membershipId: membership!.id,
      outcome: 'cleared',
      checkedOn: termStart,
      checkedByPersonId: null,
      checkedByName: `${region.name} (demodata)`,
      checkedAs: 'system',
    });
    members += 1;
  };
  // The RHF's own director leads the Direktørmøte; REFIL's register lead sits in REFIL and Implementeringsforum.
  const director = await addPerson('dm-hn', 'Administrerende direktør', region.id, false);
  await join('HN-DM', director, region.id, true);
  const refil = await addPerson('refil-hn', 'Registeransvarlig, REFIL', region.id, false);
  await join('HN-REFIL', refil, region.id, true);
  await join('HN-IMP', refil, region.id, false);
  for (const seat of seats) {
    for (const hf of hfs) {
      const org = orgs.get(hf.code);
      if (!org) continue;
      const personId = await addPerson(
        `${seat.prefix}-${hf.short}`,
        seat.title,
        org.id,
        seat.prefix === 'innkjop',
      );
      for (const body of seat.bodies) await join(body.code, personId, org.id, body.leaderHf === hf.short);
    }
  }
  return { logins, members };
}
