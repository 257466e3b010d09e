import { describe, expect, it } from 'vitest';
import {
  canEditMembership,
  canEditProcurement,
  isAllowedByRouteAccess,
  type CurrentUser,
} from './access.rules.js';

const user = (roles: CurrentUser['roles'], personId = 'p1'): CurrentUser => ({
  userId: 'u1',
  username: 'x',
  personId,
  personName: 'X',
  organisationId: 'o1',
  roles,
});

describe('route access', () => {
  it('needs a session unless public', () => {
    expect(isAllowedByRouteAccess(null, 'public')).toBe('ok');
    expect(isAllowedByRouteAccess(null, 'authenticated')).toBe('unauthenticated');
    expect(isAllowedByRouteAccess(null, ['secretariat'])).toBe('unauthenticated');
  });

  it('needs one of the listed roles', () => {
    const reader = user([{ role: 'readOnly', organisationId: 'o1' }]);
    expect(isAllowedByRouteAccess(reader, 'authenticated')).toBe('ok');
    expect(isAllowedByRouteAccess(reader, ['secretariat', 'rhfContact'])).toBe('forbidden');
    expect(
      isAllowedByRouteAccess(user([{ role: 'rhfContact', organisationId: 'o1' }]), [
        'secretariat',
        'rhfContact',
      ]),
    ).toBe('ok');
  });
});

describe('organisation-scoped rules', () => {
  it('lets an RHF contact edit only memberships representing their own RHF', () => {
    const contact = user([{ role: 'rhfContact', organisationId: 'helse-vest' }]);
    expect(canEditMembership(contact, 'helse-vest')).toBe(true);
    expect(canEditMembership(contact, 'helse-nord')).toBe(false);
    expect(canEditMembership(user([{ role: 'secretariat', organisationId: 'shi' }]), 'helse-nord')).toBe(
      true,
    );
  });

  it('lets a procurement lead edit only their own procurements', () => {
    const lead = user([{ role: 'procurementLead', organisationId: 'shi' }], 'lead-1');
    expect(canEditProcurement(lead, 'lead-1')).toBe(true);
    expect(canEditProcurement(lead, 'lead-2')).toBe(false);
    expect(canEditProcurement(lead, null)).toBe(false);
    expect(
      canEditProcurement(user([{ role: 'hfPurchasing', organisationId: 'ous' }], 'lead-1'), 'lead-1'),
    ).toBe(false);
  });
});
