import { addMonths, daysBetween } from '../../shared/calendar-date.js';
// Pure rules of the agreement register (no I/O).

export interface ExpiryCandidate {
  id: string;
  validTo: string;
  status: string;
  procurementId: string | null;
  categoryIds: string[];
}

export interface ReplacingProcurement {
  id: string;
  status: string;
  categoryId: string;
  purchaseGroupId: string | null;
}

/** Procurement statuses that still lead to a new agreement. */
const REPLACING_STATUSES = new Set(['planned', 'ongoing', 'announced', 'awarded']);

/**
 * Agreements ending within `months` from today that no planned procurement replaces: a procurement in one
 * of the agreement's categories (or purchase groups) that is not finished and is not the one it came from.
 */
export function findExpiringWithoutReplacement<T extends ExpiryCandidate>(
  agreements: readonly T[],
  procurements: readonly ReplacingProcurement[],
  today: string,
  months = 12,
): Array<T & { daysLeft: number }> {
  const horizon = addMonths(today, months);
  return agreements
    .filter((agreement) => agreement.status === 'active' || agreement.status === 'draft')
    .filter((agreement) => agreement.validTo >= today && agreement.validTo <= horizon)
    .filter(
      (agreement) =>
        !procurements.some(
          (procurement) =>
            REPLACING_STATUSES.has(procurement.status) &&
            procurement.id !== agreement.procurementId &&
            (agreement.categoryIds.includes(procurement.categoryId) ||
              (procurement.purchaseGroupId !== null &&
                agreement.categoryIds.includes(procurement.purchaseGroupId))),
        ),
    )
    .map((agreement) => ({ ...agreement, daysLeft: daysBetween(today, agreement.validTo) }))
    .sort((a, b) => a.daysLeft - b.daysLeft);
}
