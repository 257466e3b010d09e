import type { z } from 'zod';
import type {
  aSupplierCategorySchema,
  breakdownRowSchema,
  kpiSummarySchema,
  supplierAmountSchema,
} from '@server/features/spend/spend.schemas.js';

export type KpiSummary = z.infer<typeof kpiSummarySchema>;
export type BreakdownRow = z.infer<typeof breakdownRowSchema>;
export type SupplierAmount = z.infer<typeof supplierAmountSchema>;
export type ASupplierCategory = z.infer<typeof aSupplierCategorySchema>;
export type Dimension = 'rhf' | 'hf' | 'category' | 'supplier' | 'month';

export const dimensionLabels: Record<Dimension, string> = {
  rhf: 'RHF',
  hf: 'Helseforetak',
  category: 'Kategori',
  supplier: 'Leverandør',
  month: 'Måned',
};

const percentFormat = new Intl.NumberFormat('nb-NO', { style: 'percent', maximumFractionDigits: 1 });
export const formatShare = (value: number | null | undefined) =>
  value === null || value === undefined ? '–' : percentFormat.format(value);
