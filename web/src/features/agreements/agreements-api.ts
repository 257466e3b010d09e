// The agreement register's contract for the web: types, labels and the calls that change an agreement.
import type { z } from 'zod';
import type {
  agreementDetailSchema,
  agreementSchema,
  articleSchema,
  ArticleInput,
  CreateAgreement,
  UpdateAgreement,
} from '@server/features/agreements/agreements.schemas.js';
import { api } from '../../shared/api-client.js';

export type Agreement = z.infer<typeof agreementSchema>;
export type AgreementDetail = z.infer<typeof agreementDetailSchema>;
export type Article = z.infer<typeof articleSchema>;
export type { ArticleInput };

export const agreementsPath = '/api/agreements';
export const agreementPath = (id: string) => `${agreementsPath}/${id}`;

export const scopeLabels: Record<Agreement['scope'], string> = {
  national: 'Nasjonal',
  regional: 'Regional (RHF)',
  local: 'Lokal (HF)',
};
export const statusLabels: Record<Agreement['status'], string> = {
  draft: 'Utkast',
  active: 'Aktiv',
  expired: 'Utløpt',
  terminated: 'Avsluttet',
};
export const criticalityLabels: Record<NonNullable<Article['criticality']>, string> = {
  high: 'Høy',
  medium: 'Middels',
  low: 'Lav',
};

/** Field names as the user sees them, for the error box. */
export const agreementFieldLabels: Record<string, string> = {
  agreementNumber: 'Avtalenummer',
  name: 'Navn',
  supplierName: 'Leverandør',
  supplierOrgNumber: 'Organisasjonsnummer',
  scope: 'Omfang',
  rhfId: 'RHF',
  hfIds: 'Helseforetak',
  categoryCodes: 'Kategorier',
  validFrom: 'Gyldig fra',
  validTo: 'Gyldig til',
  extensionOptions: 'Opsjoner',
  status: 'Status',
  procurementId: 'Anskaffelse',
};

export const createAgreement = (body: Partial<CreateAgreement>) =>
  api.post<AgreementDetail>(agreementsPath, body);
export const updateAgreement = (id: string, body: Partial<UpdateAgreement>) =>
  api.patch<AgreementDetail>(agreementPath(id), body);

/** An article as the API takes it back (all articles are sent together; the server replaces the list). */
export function toArticleInput({ id: _id, ...article }: Article): ArticleInput {
  return article;
}
