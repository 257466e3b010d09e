import { describe, expect, it } from 'vitest';
import { addMonths } from '../../shared/calendar-date.js';
import { findExpiringWithoutReplacement } from './agreements.rules.js';

const base = { status: 'active', procurementId: null, categoryIds: ['cat-a'] };

describe('agreements ending without a replacing procurement', () => {
  const agreements = [
    { ...base, id: 'soon', validTo: '2026-09-30' },
    { ...base, id: 'late', validTo: '2027-07-01' },
    { ...base, id: 'past', validTo: '2026-01-01' },
    { ...base, id: 'replaced', validTo: '2026-12-31', categoryIds: ['cat-b'] },
    { ...base, id: 'ownProcurement', validTo: '2026-12-31', categoryIds: ['cat-c'], procurementId: 'p-c' },
    { ...base, id: 'terminated', validTo: '2026-08-01', status: 'terminated' },
  ];
  const procurements = [
    { id: 'p-b', status: 'planned', categoryId: 'cat-b', purchaseGroupId: null },
    { id: 'p-c', status: 'ongoing', categoryId: 'cat-c', purchaseGroupId: null },
    { id: 'p-a-done', status: 'completed', categoryId: 'cat-a', purchaseGroupId: null },
  ];

  it('lists only active agreements ending within 12 months with no open procurement in their category', () => {
    const found = findExpiringWithoutReplacement(agreements, procurements, '2026-06-15');
    expect(found.map((a) => a.id)).toEqual(['soon', 'ownProcurement']);
    expect(found[0]!.daysLeft).toBe(107);
  });

  it('counts a procurement of a purchase group as a replacement', () => {
    const found = findExpiringWithoutReplacement(
      [{ ...base, id: 'pg', validTo: '2026-10-01', categoryIds: ['pg-1'] }],
      [{ id: 'p', status: 'announced', categoryId: 'cat-x', purchaseGroupId: 'pg-1' }],
      '2026-06-15',
    );
    expect(found).toEqual([]);
  });

  it('adds months without overflowing short months', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-06-15', 12)).toBe('2027-06-15');
  });
});
