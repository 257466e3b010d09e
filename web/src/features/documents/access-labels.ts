// Offentleglova labels for documents (public, partly exempt, exempt) and the fixed list of legal bases.
import {
  accessStatusLabels,
  legalBases,
  type AccessStatus,
  type LegalBasis,
} from '@server/domain/offentleglova.rules.js';

export { accessStatusLabels };
export type { AccessStatus, LegalBasis };

export const accessTone: Record<AccessStatus, 'ok' | 'warning' | 'error'> = {
  public: 'ok',
  partlyExempt: 'warning',
  exempt: 'error',
};

export function legalBasisText(basis: LegalBasis | null): string {
  if (!basis || basis === 'offl14') return '';
  return legalBases[basis].text;
}
