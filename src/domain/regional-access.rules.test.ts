import { describe, expect, it } from 'vitest';
import { canActForHf, canCoordinateRegion } from './regional-access.rules.js';

const secretariat = { roles: [{ role: 'secretariat', organisationId: 'shi' }] };
const nordContact = { roles: [{ role: 'rhfContact', organisationId: 'hn' }] };
const vestContact = { roles: [{ role: 'rhfContact', organisationId: 'hv' }] };
const unnPurchasing = { roles: [{ role: 'hfPurchasing', organisationId: 'unn' }] };

describe('regional access', () => {
  it('the secretariat and the region’s own RHF contact coordinate; another RHF and an HF do not', () => {
    expect(canCoordinateRegion(secretariat, 'hn')).toBe(true);
    expect(canCoordinateRegion(nordContact, 'hn')).toBe(true);
    expect(canCoordinateRegion(vestContact, 'hn')).toBe(false);
    expect(canCoordinateRegion(unnPurchasing, 'hn')).toBe(false);
  });

  it('an HF purchasing manager acts for their own HF only', () => {
    expect(canActForHf(unnPurchasing, 'hn', 'unn')).toBe(true);
    expect(canActForHf(unnPurchasing, 'hn', 'spn')).toBe(false);
    expect(canActForHf(nordContact, 'hn', 'spn')).toBe(true);
    expect(canActForHf(vestContact, 'hn', 'spn')).toBe(false);
  });
});
