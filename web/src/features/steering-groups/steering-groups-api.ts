import type { z } from 'zod';
import type {
  checkSchema,
  CreateMembership,
  CreateSteeringGroup,
  Member,
  SteeringGroup,
  UpdateMembership,
  UpdateSteeringGroup,
} from '@server/features/steering-groups/steering-groups.schemas.js';
import { api } from '../../shared/api-client.js';

export type { Member, SteeringGroup };
export type CompositionCheck = z.infer<typeof checkSchema>;
export type MembershipInput = Partial<CreateMembership>;

export const steeringGroupsPath = '/api/steering-groups';
export const steeringGroupPath = (id: string) => `${steeringGroupsPath}/${id}`;

export const createSteeringGroup = (body: Partial<CreateSteeringGroup>) =>
  api.post<SteeringGroup>(steeringGroupsPath, body);
export const updateSteeringGroup = (id: string, body: UpdateSteeringGroup) =>
  api.patch<SteeringGroup>(steeringGroupPath(id), body);

export const addMember = (groupId: string, body: MembershipInput) =>
  api.post<Member>(`${steeringGroupPath(groupId)}/members`, body);
export const updateMember = (groupId: string, membershipId: string, body: UpdateMembership) =>
  api.patch<Member>(`${steeringGroupPath(groupId)}/members/${membershipId}`, body);
export const removeMember = (groupId: string, membershipId: string) =>
  api.delete(`${steeringGroupPath(groupId)}/members/${membershipId}`);

export function countChecks(group: Pick<SteeringGroup, 'checks'>): { errors: number; warnings: number } {
  return {
    errors: group.checks.filter((check) => check.level === 'error').length,
    warnings: group.checks.filter((check) => check.level === 'warning').length,
  };
}

/** The worst check level touching each membership, to highlight its row. */
export function checkLevelByMembership(
  checks: readonly CompositionCheck[],
): Map<string, 'error' | 'warning'> {
  const levels = new Map<string, 'error' | 'warning'>();
  for (const check of checks) {
    for (const id of check.membershipIds) {
      if (check.level === 'error' || !levels.has(id)) levels.set(id, check.level);
    }
  }
  return levels;
}
