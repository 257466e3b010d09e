// Who may vote in a case, worked out from the memberships in force on the day (issue 17): at each vote and at
// the tally, not frozen at submission. The case row keeps the electorate as last computed, audited on change.
import type { Db } from '../../db/client.js';
import type { RecordAudit } from '../../db/unit-of-work.js';
import {
  electorateChange,
  electorateFor,
  isMembershipActive,
  type Electorate,
} from '../../domain/consensus.rules.js';
import { steeringGroupsRepo } from '../steering-groups/index.js';
import * as repo from './governance.repo.js';
import * as substitutesRepo from './habilitet/substitutes.repo.js';

type CaseRef = Pick<
  repo.CaseRow,
  'id' | 'title' | 'steeringGroupId' | 'procurementId' | 'participatingRhfIds' | 'eligiblePersonIds'
>;

/** The electorate of the case on `day`: active deciding members of the regions concerned, not in the faggruppe. */
export async function caseElectorate(db: Db, row: CaseRef, day: string): Promise<Electorate> {
  const [members, faggruppe, substitutes] = await Promise.all([
    steeringGroupsRepo.listMembers(db, row.steeringGroupId),
    repo.listFaggruppe(db, row.procurementId),
    substitutesRepo.listSubstitutes(db, [row.id]),
  ]);
  return electorateOf(row, members, faggruppe, substitutes, day);
}

type Member = Awaited<ReturnType<typeof steeringGroupsRepo.listMembers>>[number];
type Substitute = Awaited<ReturnType<typeof substitutesRepo.listSubstitutes>>[number];

function electorateOf(
  row: CaseRef,
  members: readonly Member[],
  faggruppe: ReadonlyArray<{ personId: string }>,
  substitutes: readonly Substitute[],
  day: string,
): Electorate {
  // A substitute the RHF appointed for this case (habilitet/substitutes.service.ts) decides it like a member.
  const asMembers = substitutes
    .filter((s) => !members.some((m) => m.personId === s.personId && isMembershipActive(m, day)))
    .map((s) => ({
      membershipId: `substitute:${s.personId}`,
      personId: s.personId,
      personName: s.personName,
      rhfId: s.rhfId,
      isObserver: false,
      termStart: s.appointedOn,
      termEnd: null,
      endedOn: null,
    }));
  return electorateFor([...members.map((member) => ({ ...member, membershipId: member.id })), ...asMembers], {
    participatingRhfIds: row.participatingRhfIds,
    faggruppePersonIds: faggruppe.map((f) => f.personId),
    day,
  });
}

/**
 * The electorates of several cases on `day` with one query per table (members per group involved, faggruppes,
 * substitutes), by the same rule as `caseElectorate` — for lists, not one round trip per case.
 */
export async function caseElectorates(
  db: Db,
  rows: readonly CaseRef[],
  day: string,
): Promise<Map<string, Electorate>> {
  const groupIds = [...new Set(rows.map((row) => row.steeringGroupId))];
  const [memberLists, faggruppes, substitutes] = await Promise.all([
    Promise.all(groupIds.map((id) => steeringGroupsRepo.listMembers(db, id))),
    repo.listFaggruppes(db, [...new Set(rows.map((row) => row.procurementId))]),
    substitutesRepo.listSubstitutes(
      db,
      rows.map((row) => row.id),
    ),
  ]);
  const membersOf = new Map(groupIds.map((id, index) => [id, memberLists[index]!]));
  const result = new Map<string, Electorate>();
  for (const row of rows) {
    const members = membersOf.get(row.steeringGroupId) ?? [];
    result.set(
      row.id,
      electorateOf(
        row,
        members,
        faggruppes.filter((f) => f.procurementId === row.procurementId),
        substitutes.filter((s) => s.caseId === row.id),
        day,
      ),
    );
  }
  return result;
}

/**
 * Recomputes the electorate inside the caller's transaction and stores it on the case; a change (a term ended,
 * a successor, a new faggruppe member) gets its own audit entry saying who joined and who left on which day.
 */
export async function refreshElectorate(
  tx: Db,
  recordAudit: RecordAudit,
  row: CaseRef,
  day: string,
): Promise<string[]> {
  const electorate = await caseElectorate(tx, row, day);
  const now = electorate.eligible.map((m) => m.personId);
  const change = electorateChange(row.eligiblePersonIds, now);
  if (change.changed) {
    await repo.updateCase(tx, row.id, { eligiblePersonIds: now });
    const name = (personId: string) =>
      [...electorate.eligible, ...electorate.excluded.map((e) => e.member)].find(
        (m) => m.personId === personId,
      )?.personName ?? 'tidligere medlem';
    await recordAudit({
      action: 'electorateChanged',
      entityType: 'case',
      entityId: row.id,
      summary: `Stemmeberettigede endret ${day} i «${row.title}»${change.joined.length ? `; inn: ${change.joined.map(name).join(', ')}` : ''}${change.left.length ? `; ut: ${change.left.map(name).join(', ')}` : ''}`,
      before: { eligiblePersonIds: row.eligiblePersonIds },
      after: { eligiblePersonIds: now, day, joined: change.joined, left: change.left },
    });
  }
  return now;
}
