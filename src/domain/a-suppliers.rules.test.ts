import { describe, expect, it } from 'vitest';
import { aSupplierSql, isASupplier, pickASuppliers } from './a-suppliers.rules.js';

describe('A-suppliers', () => {
  it('counts a supplier while the larger ones before it make up less than 80 %', () => {
    expect(isASupplier(0, 100)).toBe(true);
    expect(isASupplier(79.99, 100)).toBe(true);
    expect(isASupplier(80, 100)).toBe(false);
  });

  it('picks the fewest suppliers that together make up 80 %, the crossing one included', () => {
    const rows = [
      { id: 'e', amount: 5 },
      { id: 'a', amount: 50 },
      { id: 'c', amount: 10 },
      { id: 'b', amount: 25 },
      { id: 'd', amount: 10 },
      { id: 'credit', amount: -3 },
    ];
    expect(pickASuppliers(rows).map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(pickASuppliers([{ id: 'x', amount: 100 }]).map((r) => r.id)).toEqual(['x']);
    expect(pickASuppliers([{ id: 'credit', amount: -5 }])).toEqual([]);
  });

  it('states the same rule in SQL', () => {
    expect(aSupplierSql('r.before', 'r.total')).toBe('r.before < 0.8 * r.total');
  });
});
