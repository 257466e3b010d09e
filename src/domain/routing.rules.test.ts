import { describe, expect, it } from 'vitest';
import { resolveSteeringGroup } from './routing.rules.js';

const coverage = [
  { steeringGroupId: 'mtu-bhm-mgu', categoryId: 'MTU' },
  { steeringGroupId: 'mtu-bhm-mgu', categoryId: 'BHM' },
  { steeringGroupId: 'mtu-bhm-mgu', categoryId: 'MGU' },
  { steeringGroupId: 'diabetes', categoryId: 'DIABETES' },
  { steeringGroupId: 'bygg', categoryId: 'BYGG-EIENDOM' },
];

describe('resolveSteeringGroup', () => {
  it('lets a purchase-group group win over the category group', () => {
    expect(resolveSteeringGroup({ categoryId: 'BHM', purchaseGroupId: 'DIABETES' }, coverage)).toEqual({
      status: 'resolved',
      steeringGroupId: 'diabetes',
      via: 'purchaseGroup',
    });
  });

  it('falls back to the category when no group covers the purchase group', () => {
    expect(
      resolveSteeringGroup({ categoryId: 'BYGG-EIENDOM', purchaseGroupId: 'ARKITEKT-RI' }, coverage),
    ).toEqual({
      status: 'resolved',
      steeringGroupId: 'bygg',
      via: 'category',
    });
    expect(resolveSteeringGroup({ categoryId: 'BHM', purchaseGroupId: null }, coverage)).toMatchObject({
      steeringGroupId: 'mtu-bhm-mgu',
    });
  });

  it('reports no group and two groups', () => {
    expect(resolveSteeringGroup({ categoryId: 'HR', purchaseGroupId: null }, coverage)).toEqual({
      status: 'none',
    });
    expect(
      resolveSteeringGroup({ categoryId: 'MTU', purchaseGroupId: null }, [
        ...coverage,
        { steeringGroupId: 'other', categoryId: 'MTU' },
      ]),
    ).toEqual({ status: 'ambiguous', steeringGroupIds: ['mtu-bhm-mgu', 'other'], via: 'category' });
  });
});
