// The one seed module: reference data (from reference-data.json, agreed from the seeds) and demo data.
// Used by `npm start` (first start), `styr seed`, the tests and the browser tests. Idempotent. The reference
// data itself is seeded in reference-seed.ts.
import { eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  appointmentChecks,
  interestDeclarations,
  categories,
  memberships,
  organisations,
  procurements,
  steeringGroups,
  trainingCompletions,
  userAccounts,
} from '../../db/schema.js';
import { trainingModules } from '../../domain/training.rules.js';
import { writeAudited, systemActor, type Actor } from '../../db/unit-of-work.js';
import type { Role } from '../auth/index.js';
import { hashPassword } from '../auth/index.js';
import { seedBodyDemoMembers } from '../governance-bodies/index.js';
import { peopleRepo } from '../people/index.js';
import { seedReferenceData } from './reference-seed.js';
import { addDays, addYears, firstOfMonth } from '../../shared/calendar-date.js';

export { organisationCode, seedReferenceData, type SeedSummary } from './reference-seed.js';

export const DEMO_PASSWORD = 'demo';

// ---- Demo data: fictional people, so every role can log in and every group has members. ----

const firstNames = [
  'Ingrid',
  'Ola',
  'Kari',
  'Lars',
  'Marit',
  'Anders',
  'Sigrid',
  'Per',
  'Hanne',
  'Nils',
  'Tone',
  'Erik',
  'Liv',
  'Knut',
  'Berit',
  'Jon',
  'Astrid',
  'Trond',
  'Ragnhild',
  'Geir',
  'Solveig',
  'Morten',
  'Eli',
  'Arne',
];
const lastNames = [
  'Haugen',
  'Berg',
  'Johansen',
  'Lie',
  'Dahl',
  'Moen',
  'Strand',
  'Solberg',
  'Bakke',
  'Lund',
  'Nygaard',
  'Aas',
  'Eide',
  'Holm',
  'Vik',
  'Sæther',
  'Myhre',
  'Foss',
  'Rønning',
  'Tangen',
];

interface DemoUser {
  username: string;
  name: string;
  title: string;
  organisationCode: string;
  role: Role;
  roleOrganisationCode?: string;
}

const demoUsers: DemoUser[] = [
  {
    username: 'sekretariat',
    name: 'Siri Porteføljesen',
    title: 'Rådgiver, porteføljesekretariatet',
    organisationCode: 'SHI',
    role: 'secretariat',
  },
  {
    username: 'leder',
    name: 'Leif Anskaffelsesen',
    title: 'Leder anskaffelse',
    organisationCode: 'SHI-NASJONALE-TJENESTER',
    role: 'procurementLead',
  },
  {
    username: 'medlem',
    name: 'Mona Styringsdal',
    title: 'Fagdirektør',
    organisationCode: 'HV',
    role: 'steeringGroupMember',
    roleOrganisationCode: 'HV',
  },
  {
    username: 'kontakt',
    name: 'Kristian Kontaktmo',
    title: 'Kontaktperson innkjøp',
    organisationCode: 'HV',
    role: 'rhfContact',
  },
  {
    username: 'innkjop',
    name: 'Ida Innkjøpsvik',
    title: 'Innkjøpssjef',
    organisationCode: 'HELSE-BERGEN-HF',
    role: 'hfPurchasing',
  },
  {
    username: 'lesetilgang',
    name: 'Rune Leseth',
    title: 'Controller',
    organisationCode: 'HSO',
    role: 'readOnly',
  },
];

/** Quirks in some groups, so the composition checks have something to show (seed 001 §7.5). */
const seatCompetence: Array<Array<'okonomi' | 'marked' | 'fag'>> = [
  ['okonomi', 'fag'],
  ['marked'],
  ['fag'],
  ['okonomi', 'marked'],
  ['fag'],
];

const demoQuirks: Record<
  string,
  'trainingMissing' | 'missingMarked' | 'simultaneousEnd' | 'shortTerm' | 'twoFromHso'
> = {
  KIR: 'trainingMissing',
  LAB: 'missingMarked',
  HR: 'simultaneousEnd',
  MFV: 'shortTerm',
  'MTU-BHM-MGU': 'twoFromHso',
};

export async function seedDemoData(
  db: Db,
  today: string,
  actor: Actor = systemActor('seed'),
): Promise<{ users: number; members: number }> {
  const [existing] = await db
    .select({ id: userAccounts.id })
    .from(userAccounts)
    .where(eq(userAccounts.username, 'sekretariat'));
  if (existing) return { users: 0, members: 0 };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return writeAudited(db, actor, async (tx, recordAudit) => {
    const orgs = new Map((await tx.select().from(organisations)).map((row) => [row.code, row]));
    const org = (code: string) => {
      const found = orgs.get(code);
      if (!found) throw new Error(`Demo data needs organisation ${code}; seed the reference data first.`);
      return found;
    };
    const personIds = new Map<string, string>();
    for (const user of demoUsers) {
      const person = await peopleRepo.insertPerson(tx, {
        name: user.name,
        title: user.title,
        email: `${user.username}@demo.styringsportalen.no`,
        organisationId: org(user.organisationCode).id,
      });
      personIds.set(user.username, person.id);
      await peopleRepo.insertUser(
        tx,
        { personId: person.id, username: user.username, passwordHash, isDemo: true },
        [{ role: user.role, organisationId: org(user.roleOrganisationCode ?? user.organisationCode).id }],
      );
    }

    const rhfCodes = ['HN', 'HMN', 'HV', 'HSO'];
    const termStart = firstOfMonth(today, -12);
    // The national groups; the bodies of a regional model get their own demo members (seedBodyDemoMembers).
    const groups = await tx.select().from(steeringGroups).where(isNull(steeringGroups.regionId));
    let nameIndex = 0;
    let members = 0;
    let memberLogins = 0;
    for (const [groupIndex, group] of groups.sort((a, b) => a.code.localeCompare(b.code)).entries()) {
      const quirk = demoQuirks[group.code];
      const seats = quirk === 'twoFromHso' ? [...rhfCodes, 'HSO'] : rhfCodes;
      for (const [seat, rhfCode] of seats.entries()) {
        const areas = seatCompetence[seat] ?? ['fag'];
        const competenceAreas =
          quirk === 'missingMarked' ? areas.map((area) => (area === 'marked' ? 'fag' : area)) : areas;
        let personId: string;
        if (rhfCode === 'HV' && group.code === 'KIR') {
          personId = personIds.get('medlem')!;
        } else {
          const name = `${firstNames[nameIndex % firstNames.length]} ${lastNames[(nameIndex * 7) % lastNames.length]}`;
          nameIndex += 1;
          const rhf = org(rhfCode);
          personId = (
            await peopleRepo.insertPerson(tx, {
              name,
              title: 'Styringsgruppemedlem',
              email: null,
              organisationId: rhf.id,
            })
          ).id;
          // Every demo member can log in, as <group>-<rhf> (e.g. kir-hn, mtu-bhm-mgu-hso2).
          const seatSuffix = seats.slice(0, seat).includes(rhfCode) ? '2' : '';
          await peopleRepo.insertUser(
            tx,
            {
              personId,
              username: `${group.code}-${rhfCode}${seatSuffix}`.toLowerCase(),
              passwordHash,
              isDemo: true,
            },
            [{ role: 'steeringGroupMember', organisationId: rhf.id }],
          );
          memberLogins += 1;
        }
        // Staggered terms (half a year apart) so members are replaced one at a time.
        const termEnd =
          quirk === 'simultaneousEnd' && seat < 2
            ? firstOfMonth(termStart, 30)
            : quirk === 'shortTerm' && seat === 0
              ? firstOfMonth(termStart, 18)
              : firstOfMonth(termStart, 24 + seat * 6);
        const [membership] = await tx
          .insert(memberships)
          .values({
            steeringGroupId: group.id,
            personId,
            rhfId: org(rhfCode).id,
            isLeader: seat === groupIndex % 4,
            competenceAreas: [...new Set(competenceAreas)],
            termStart,
            termEnd,
          })
          .returning({ id: memberships.id });
        // Training is the person's (Vedlegg 06): all six modules a month into the term, bar one quirk.
        if (!(quirk === 'trainingMissing' && rhfCode === 'HV'))
          await tx
            .insert(trainingCompletions)
            .values(
              trainingModules.map((m) => ({
                personId,
                module: m.number,
                completedOn: firstOfMonth(termStart, 1),
                recordedBy: 'demodata',
              })),
            )
            .onConflictDoNothing();
        // Each RHF checked habilitet before appointing (seed 001 §7.2); Helse Vest's by its demo contact.
        await tx.insert(appointmentChecks).values({
          membershipId: membership!.id,
          outcome: 'cleared',
          checkedOn: termStart,
          checkedByPersonId: rhfCode === 'HV' ? personIds.get('kontakt')! : null,
          checkedByName: rhfCode === 'HV' ? 'Kristian Kontaktmo' : `${org(rhfCode).name} (demodata)`,
          checkedAs: rhfCode === 'HV' ? 'rhfContact' : 'system',
        });
        members += 1;
      }
    }
    // Helse Vest has appointed a new member to Styringsgruppe IKT from two weeks on, with the six training
    // modules done; the RHF's habilitet check at appointment is not recorded yet (for `kontakt` to record).
    const ikt = groups.find((group) => group.code === 'IKT');
    if (ikt) {
      const newcomer = await peopleRepo.insertPerson(tx, {
        name: 'Vilde Vestrheim',
        title: 'Styringsgruppemedlem',
        email: null,
        organisationId: org('HV').id,
      });
      const newcomerStart = addDays(today, 14);
      await tx.insert(memberships).values({
        steeringGroupId: ikt.id,
        personId: newcomer.id,
        rhfId: org('HV').id,
        isLeader: false,
        competenceAreas: ['fag'],
        termStart: newcomerStart,
        termEnd: addDays(addYears(newcomerStart, 2), -1),
      });
      await tx.insert(trainingCompletions).values(
        trainingModules.map((m) => ({
          personId: newcomer.id,
          module: m.number,
          completedOn: addDays(today, -7),
          recordedBy: 'demodata',
        })),
      );
      members += 1;
    }
    // Mona's declaration: a board seat at a (fictional) heart-valve supplier, renewal due in 20 days (any day).
    await tx.insert(interestDeclarations).values({
      personId: personIds.get('medlem')!,
      confirmedOn: addDays(addYears(today, -1), 20),
      confirmedBy: 'medlem',
      interests: [
        {
          organisationName: 'Vestlandske Hjerteklaffer AS',
          organisationNumber: '998877660',
          relation: 'boardSeat',
          fromDate: firstOfMonth(today, -36),
          toDate: null,
          lastingCategoryCodes: [],
        },
      ],
    });
    // The demo procurement lead leads the Vedlegg 04 procurements of the Administrasjon category.
    const leadId = personIds.get('leder')!;
    const admCategory = (await tx.select().from(categories).where(eq(categories.code, 'ADM')))[0];
    if (admCategory)
      await tx
        .update(procurements)
        .set({ procurementLeadId: leadId })
        .where(eq(procurements.categoryId, admCategory.id));
    const bodyMembers = await seedBodyDemoMembers(tx, { passwordHash, today });
    memberLogins += bodyMembers.logins;
    members += bodyMembers.members;
    await recordAudit({
      action: 'seed',
      entityType: 'demoData',
      entityId: null,
      summary: `Lastet demodata: ${demoUsers.length + memberLogins} brukere, ${members} medlemskap`,
      after: { users: demoUsers.map((user) => user.username), memberLogins, members },
    });
    return { users: demoUsers.length + memberLogins, members };
  });
}

export async function isDatabaseEmpty(db: Db) {
  const rows = await db.select({ id: organisations.id }).from(organisations).limit(1);
  return rows.length === 0;
}

export async function seedAll(db: Db, options: { demo: boolean; today: string }) {
  const reference = await seedReferenceData(db);
  const demo = options.demo ? await seedDemoData(db, options.today) : { users: 0, members: 0 };
  return { reference, demo };
}
