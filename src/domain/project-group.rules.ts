// A regional procurement's own Prosjektgruppe (seed 000 §6): every affected HF represented unless the
// anskaffelsesstyre decides otherwise, led by Sykehusinnkjøp, its composition approved by the board. Pure.
import { isApproved, type RegionalCase } from './governance-bodies.rules.js';

export interface ProjectGroupMember {
  personId: string;
  personName: string;
  /** The HF the member represents; null for Sykehusinnkjøp's own staff. */
  representsOrganisationId: string | null;
  isLeader: boolean;
  /** The kind of the person's own organisation ('SHI' for Sykehusinnkjøp). */
  personOrganisationKind: string;
}

export interface CompositionProblem {
  path: string;
  message: string;
}

export interface CompositionCheck {
  problems: CompositionProblem[];
  /** Affected HFs without a member, each exempted or a problem. */
  unrepresented: Array<{ id: string; name: string; exempted: boolean }>;
}

/**
 * What is wrong with a proposed composition, in the users' words: one leader, from Sykehusinnkjøp; every
 * affected HF represented or exempted with a reason (the board then decides otherwise by approving it); members
 * represent affected HFs only; nobody twice.
 */
export function checkProjectGroupComposition(input: {
  affectedHfs: ReadonlyArray<{ id: string; name: string }>;
  members: readonly ProjectGroupMember[];
  exemptHfIds: readonly string[];
  exemptionNote: string | null;
}): CompositionCheck {
  const problems: CompositionProblem[] = [];
  const leaders = input.members.filter((m) => m.isLeader);
  if (leaders.length !== 1)
    problems.push({
      path: 'leaderPersonId',
      message: 'Prosjektgruppen skal ha nøyaktig én leder fra Sykehusinnkjøp.',
    });
  else if (leaders[0]!.personOrganisationKind !== 'SHI')
    problems.push({
      path: 'leaderPersonId',
      message: `Prosjektgruppen ledes av Sykehusinnkjøp; ${leaders[0]!.personName} er ikke ansatt der.`,
    });
  const affectedIds = input.affectedHfs.map((hf) => hf.id);
  input.members.forEach((member, index) => {
    if (input.members.findIndex((m) => m.personId === member.personId) !== index)
      problems.push({
        path: `members.${index}.personId`,
        message: `${member.personName} er med flere ganger.`,
      });
    if (member.representsOrganisationId !== null && !affectedIds.includes(member.representsOrganisationId))
      problems.push({
        path: `members.${index}.representsOrganisationId`,
        message: `${member.personName} representerer ikke et av helseforetakene i anskaffelsen.`,
      });
    if (member.representsOrganisationId === null && member.personOrganisationKind !== 'SHI')
      problems.push({
        path: `members.${index}.representsOrganisationId`,
        message: `Velg helseforetaket ${member.personName} representerer.`,
      });
  });
  input.exemptHfIds.forEach((id, index) => {
    if (!affectedIds.includes(id))
      problems.push({
        path: `exemptHfIds.${index}`,
        message: 'Unntaket gjelder et helseforetak som ikke er med i anskaffelsen.',
      });
  });
  const represented = new Set(input.members.map((m) => m.representsOrganisationId));
  const unrepresented = input.affectedHfs
    .filter((hf) => !represented.has(hf.id))
    .map((hf) => ({ ...hf, exempted: input.exemptHfIds.includes(hf.id) }));
  const missing = unrepresented.filter((hf) => !hf.exempted);
  if (missing.length > 0)
    problems.push({
      path: 'members',
      message: `Alle berørte helseforetak skal være representert med mindre anskaffelsesstyret bestemmer noe annet; mangler: ${missing.map((hf) => hf.name).join(', ')}.`,
    });
  if (unrepresented.some((hf) => hf.exempted) && !input.exemptionNote?.trim())
    problems.push({
      path: 'exemptionNote',
      message: 'Begrunn hvorfor ikke alle berørte helseforetak er representert.',
    });
  return { problems, unrepresented };
}

export type ProjectGroupStatus =
  'locked' | 'toCreate' | 'awaitingCase' | 'open' | 'escalated' | 'dissent' | 'approved';

/**
 * Where the procurement's project group stands: created once the decision level is decided, then its
 * composition is a case in the approving board; approved by the board's decision (or a resolution after
 * escalation). A change of members after approval needs a new approval case.
 */
export function projectGroupStatus(input: {
  decisionLevelDecided: boolean;
  projectGroupId: string | null;
  approvingBodyId: string | null;
  /** Members changed after the latest approval (the approved composition no longer holds). */
  changedSinceApproval: boolean;
  cases: readonly RegionalCase[];
}): { status: ProjectGroupStatus; caseId: string | null; blockingReason: string | null } {
  if (!input.decisionLevelDecided)
    return { status: 'locked', caseId: null, blockingReason: 'Beslutningsnivået er ikke besluttet ennå.' };
  if (input.approvingBodyId === null)
    return {
      status: 'locked',
      caseId: null,
      blockingReason: 'Ingen organer i modellen kan godkjenne sammensetningen av en prosjektgruppe.',
    };
  if (input.projectGroupId === null) return { status: 'toCreate', caseId: null, blockingReason: null };
  const cases = input.cases.filter(
    (c) =>
      c.gate === 'projectGroup' && c.steeringGroupId === input.approvingBodyId && c.status !== 'withdrawn',
  );
  const latest = cases.at(-1) ?? null;
  if (latest && isApproved(latest) && !input.changedSinceApproval)
    return { status: 'approved', caseId: latest.id, blockingReason: null };
  if (!latest || latest.status === 'approved' || latest.status === 'resolved')
    return { status: 'awaitingCase', caseId: latest?.id ?? null, blockingReason: null };
  if (latest.status === 'escalated')
    return {
      status: 'escalated',
      caseId: latest.id,
      blockingReason: 'Saken om sammensetningen er eskalert.',
    };
  if (latest.status === 'dissent' || latest.status === 'outsideMandate')
    return { status: 'dissent', caseId: latest.id, blockingReason: 'Det er uenighet om sammensetningen.' };
  return { status: 'open', caseId: latest.id, blockingReason: 'Sammensetningen er til behandling.' };
}
