import { describe, expect, it } from 'vitest';
import {
  categoryDutyIds,
  checkCategoryResponsibility,
  summariseDuties,
} from './category-responsibility.rules.js';

const hfs = [
  { id: 'spn', name: 'Sykehusapotek Nord HF' },
  { id: 'ikt', name: 'Helse Nord IKT HF' },
  { id: 'unn', name: 'Universitetssykehuset Nord-Norge HF' },
];
const categories = [
  { id: 'leg', code: 'LEGEMIDLER', name: 'Legemidler' },
  { id: 'it', code: 'IKT', name: 'IKT' },
  { id: 'lab', code: 'LAB', name: 'Laboratorieprodukter' },
  { id: 'kir', code: 'KIR', name: 'Kirurgiske produkter' },
];

describe('checkCategoryResponsibility', () => {
  it('passes when every HF holds a category, and lists the categories still without an HF', () => {
    const check = checkCategoryResponsibility(hfs, categories, [
      { categoryId: 'leg', hfId: 'spn' },
      { categoryId: 'it', hfId: 'ikt' },
      { categoryId: 'lab', hfId: 'unn' },
    ]);
    expect(check.isEveryHfResponsible).toBe(true);
    expect(check.hfsWithoutCategory).toEqual([]);
    expect(check.categoriesWithoutHf.map((c) => c.code)).toEqual(['KIR']);
    expect(check.categoryCountByHf).toEqual({ spn: 1, ikt: 1, unn: 1 });
  });

  it('names the HF without a category even when all categories are assigned', () => {
    const check = checkCategoryResponsibility(hfs, categories, [
      { categoryId: 'leg', hfId: 'spn' },
      { categoryId: 'it', hfId: 'ikt' },
      { categoryId: 'lab', hfId: 'spn' },
      { categoryId: 'kir', hfId: 'ikt' },
    ]);
    expect(check.isEveryHfResponsible).toBe(false);
    expect(check.hfsWithoutCategory.map((hf) => hf.name)).toEqual(['Universitetssykehuset Nord-Norge HF']);
    expect(check.categoriesWithoutHf).toEqual([]);
  });

  it('ignores HFs of another region, unknown categories and a second holder of the same category', () => {
    const check = checkCategoryResponsibility(hfs, categories, [
      { categoryId: 'leg', hfId: 'spn' },
      { categoryId: 'leg', hfId: 'unn' },
      { categoryId: 'it', hfId: 'bergen' },
      { categoryId: 'unknown', hfId: 'ikt' },
    ]);
    expect(check.categoryCountByHf).toEqual({ spn: 1, ikt: 0, unn: 0 });
    expect(check.hfsWithoutCategory.map((hf) => hf.id)).toEqual(['ikt', 'unn']);
  });

  it('a region without HFs is not complete', () => {
    expect(checkCategoryResponsibility([], categories, []).isEveryHfResponsible).toBe(false);
  });
});

describe('summariseDuties', () => {
  it('counts the seven duties of seed 000 §7, a missing one as not started', () => {
    expect(categoryDutyIds).toHaveLength(7);
    expect(
      summariseDuties([
        { duty: 'planOverview', status: 'done' },
        { duty: 'bringCases', status: 'inProgress' },
      ]),
    ).toEqual({ notStarted: 5, inProgress: 1, done: 1, total: 7 });
  });
});
