import { describe, expect, it } from 'vitest';
import { apiQuery, readListState, sortedParams } from './procurement-list-params.js';

describe('procurement list state in the URL', () => {
  it('reads filters, sort, direction and page', () => {
    const state = readListState(
      new URLSearchParams('nivaa=nasjonal&tidsplan=late&sorter=forsinkelse&rekkefolge=synkende&side=3'),
    );
    expect(state.filters.nivaa).toBe('nasjonal');
    expect(state.filters.tidsplan).toBe('late');
    expect(state.filters.sok).toBe('');
    expect(state).toMatchObject({ sort: 'daysLate', descending: true, page: 3 });
  });

  it('falls back to name, ascending, page 1 for missing or unknown values', () => {
    expect(readListState(new URLSearchParams('sorter=tull&side=-4'))).toMatchObject({
      sort: 'name',
      descending: false,
      page: 1,
    });
    expect(readListState(new URLSearchParams('side=2.7')).page).toBe(2);
  });

  it('turns the state into the API query, with the page as offset', () => {
    const state = readListState(new URLSearchParams('risiko=høy&sorter=verdi&rekkefolge=synkende&side=2'));
    expect(apiQuery(state, 50)).toMatchObject({
      riskProfile: 'høy',
      level: '',
      sort: 'contractValueNok',
      order: 'desc',
      limit: 50,
      offset: 50,
    });
    expect(apiQuery(readListState(new URLSearchParams()), 50)).toMatchObject({
      sort: undefined,
      order: undefined,
      offset: 0,
    });
  });

  it('sorts a new column its own way first, turns the same column around, and goes back to page 1', () => {
    const params = new URLSearchParams('nivaa=nasjonal&side=4');
    const byValue = sortedParams(params, 'contractValueNok', readListState(params));
    expect(byValue.toString()).toBe('nivaa=nasjonal&sorter=verdi&rekkefolge=synkende');
    const back = sortedParams(byValue, 'contractValueNok', readListState(byValue));
    expect(back.toString()).toBe('nivaa=nasjonal&sorter=verdi');
    const byPhase = sortedParams(back, 'phase', readListState(back));
    expect(byPhase.toString()).toBe('nivaa=nasjonal&sorter=fase');
    const byName = sortedParams(byPhase, 'name', readListState(byPhase));
    expect(byName.toString()).toBe('nivaa=nasjonal');
  });
});
