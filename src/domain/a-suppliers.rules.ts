// A-suppliers (seed 002/004, the spend KPIs): the fewest suppliers whose spend makes up 80 % of a category's
// spend. One rule, read by the DuckDB query (as SQL over a running sum) and by the tests (over plain rows).

/** The share of a category's spend the A-suppliers make up together. */
export const A_SUPPLIER_SHARE = 0.8;

/**
 * Counting suppliers from the largest down, a supplier is an A-supplier when the larger ones before it
 * make up less than the share of the category's spend: the one that crosses 80 % is the last A-supplier.
 */
export function isASupplier(spendOfLargerSuppliers: number, categoryTotal: number): boolean {
  return spendOfLargerSuppliers < A_SUPPLIER_SHARE * categoryTotal;
}

/** The same rule as a SQL condition on a running sum (`before`) and the category total. */
export function aSupplierSql(beforeColumn: string, totalColumn: string): string {
  return `${beforeColumn} < ${A_SUPPLIER_SHARE} * ${totalColumn}`;
}

/** The A-suppliers among per-supplier sums (suppliers with no positive spend are never A-suppliers). */
export function pickASuppliers<T extends { amount: number }>(bySupplier: readonly T[]): T[] {
  const positive = bySupplier.filter((row) => row.amount > 0).sort((a, b) => b.amount - a.amount);
  const total = positive.reduce((sum, row) => sum + row.amount, 0);
  const picked: T[] = [];
  let before = 0;
  for (const row of positive) {
    if (!isASupplier(before, total)) break;
    picked.push(row);
    before += row.amount;
  }
  return picked;
}
