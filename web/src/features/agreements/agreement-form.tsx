// Create or edit one agreement: supplier with a live mod-11 check of the organisation number, scope with its RHF
// or HFs, categories / purchase groups, validity, options, status and the procurement it came from.
import { useState, type FormEvent } from 'react';
import { isValidOrgNumber } from '@server/domain/org-number.rules.js';
import {
  agreementScopes,
  agreementStatuses,
  createAgreementSchema,
  updateAgreementSchema,
} from '@server/features/agreements/agreements.schemas.js';
import { ErrorBox, FieldError } from '../../shared/error-box.js';
import { useApi } from '../../shared/use-api.js';
import { useForm } from '../../shared/form.js';
import { buildCategoryTree, categoriesPath, type Category } from '../categories/categories-api.js';
import { listRhfs, organisationsPath, type Organisation } from '../organisations/organisations-api.js';
import { HfPicker } from '../procurements/hf-picker.js';
import { procurementChoicesPath, type ProcurementPage } from '../procurements/procurements-api.js';
import {
  agreementFieldLabels,
  createAgreement,
  scopeLabels,
  statusLabels,
  updateAgreement,
  type AgreementDetail,
} from './agreements-api.js';
import { SelectField, TextField, labelled } from '../../shared/fields.js';

export const ORG_NUMBER_MESSAGE = 'Ugyldig organisasjonsnummer (ni siffer med gyldig kontrollsiffer)';

interface AgreementFormProps {
  agreement?: AgreementDetail;
  onSaved: (agreement: AgreementDetail) => void;
  onCancel: () => void;
}

export function AgreementForm({ agreement, onSaved, onCancel }: AgreementFormProps) {
  const organisations = useApi<Organisation[]>(organisationsPath);
  const categories = useApi<Category[]>(categoriesPath);
  const procurements = useApi<ProcurementPage>(procurementChoicesPath);

  const form = useForm(
    {
      agreementNumber: agreement?.agreementNumber ?? '',
      name: agreement?.name ?? '',
      supplierName: agreement?.supplierName ?? '',
      supplierOrgNumber: agreement?.supplierOrgNumber ?? '',
      scope: agreement?.scope ?? 'national',
      rhfId: agreement?.rhfId ?? '',
      validFrom: agreement?.validFrom ?? '',
      validTo: agreement?.validTo ?? '',
      extensionOptions: agreement?.extensionOptions ?? '',
      status: agreement?.status ?? 'active',
      procurementId: agreement?.procurementId ?? '',
    },
    'a',
  );
  const { values, problem, isSaving } = form;
  const { supplierOrgNumber, scope } = values;
  /** `value` and `onChange` of a field the server reports no problem for. */
  const bind = (name: keyof typeof values) => ({
    value: values[name],
    onChange: (value: string) => form.set(name, value),
  });
  const [hfIds, setHfIds] = useState<string[]>(agreement?.hfIds ?? []);
  const [categoryCodes, setCategoryCodes] = useState<string[]>(agreement?.categoryCodes ?? []);

  const orgNumberText = supplierOrgNumber.trim();
  const isOrgNumberValid = isValidOrgNumber(orgNumberText);
  const tree = buildCategoryTree(categories.data ?? []);
  const chosen = new Set(categoryCodes);

  function toggleCategory(code: string, isChecked: boolean) {
    setCategoryCodes((previous) =>
      isChecked ? [...new Set([...previous, code])] : previous.filter((item) => item !== code),
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const body = {
      agreementNumber: values.agreementNumber,
      name: values.name,
      supplierName: values.supplierName,
      supplierOrgNumber,
      scope,
      rhfId: scope === 'regional' ? values.rhfId || null : null,
      hfIds: scope === 'local' ? hfIds : [],
      categoryCodes,
      validFrom: values.validFrom,
      validTo: values.validTo,
      extensionOptions: values.extensionOptions.trim() || null,
      status: values.status,
      procurementId: values.procurementId || null,
    };
    await form.submit(
      async () =>
        onSaved(agreement ? await updateAgreement(agreement.id, body) : await createAgreement(body)),
      { schema: agreement ? updateAgreementSchema : createAgreementSchema, body },
    );
  }

  return (
    <form
      onSubmit={(event) => void submit(event)}
      noValidate
      className="form-layout"
      data-testid="agreement-form"
    >
      <fieldset disabled={isSaving} className="plain">
        <ErrorBox
          problem={problem ?? organisations.problem ?? categories.problem}
          fieldLabels={agreementFieldLabels}
          isFocusedOnShow
          testId="agreement-error"
        />
        <section className="panel">
          <h2>Avtalen</h2>
          <div className="form-grid">
            <TextField {...form.field('agreementNumber')} id="a-number" label="Avtalenummer" />
            <TextField {...form.field('name')} label="Navn" />
          </div>
          <div className="form-grid">
            <TextField {...form.field('supplierName')} id="a-supplier" label="Leverandør" />
            <div className="field">
              <label htmlFor="a-org-number">Organisasjonsnummer</label>
              <input
                id="a-org-number"
                value={supplierOrgNumber}
                inputMode="numeric"
                placeholder="9 siffer"
                onChange={(event) => form.set('supplierOrgNumber', event.target.value)}
                aria-describedby="a-org-number-check a-org-number-error"
                aria-invalid={orgNumberText.length >= 9 && !isOrgNumberValid}
              />
              <p className="hint" id="a-org-number-check" data-testid="org-number-check" aria-live="polite">
                {orgNumberText.length === 0
                  ? 'Ni siffer; kontrollsifferet sjekkes mens du skriver.'
                  : isOrgNumberValid
                    ? 'Gyldig organisasjonsnummer.'
                    : orgNumberText.replace(/\D/g, '').length < 9
                      ? 'Organisasjonsnummeret har ni siffer.'
                      : ORG_NUMBER_MESSAGE}
              </p>
              <FieldError problem={problem} path="supplierOrgNumber" id="a-org-number-error" />
            </div>
          </div>
          <div className="form-grid">
            <SelectField
              id="a-status"
              label="Status"
              {...bind('status')}
              options={labelled(agreementStatuses, statusLabels)}
            />
            <SelectField
              id="a-procurement"
              label="Anskaffelsen avtalen kom fra"
              {...bind('procurementId')}
              empty="Ingen / ukjent"
              options={(procurements.data?.items ?? []).map(
                (procurement) => [procurement.id, procurement.name] as const,
              )}
            />
          </div>
        </section>

        <section className="panel">
          <h2>Gyldighet og opsjoner</h2>
          <div className="form-grid">
            <TextField {...form.field('validFrom')} id="a-valid-from" label="Gyldig fra" type="date" />
            <TextField {...form.field('validTo')} id="a-valid-to" label="Gyldig til" type="date" />
          </div>
          <TextField
            id="a-options"
            label="Opsjoner (forlengelse)"
            {...bind('extensionOptions')}
            placeholder="F.eks. 1 + 1 år"
          />
        </section>

        <section className="panel">
          <h2>Omfang</h2>
          <SelectField
            id="a-scope"
            label="Omfang"
            {...bind('scope')}
            options={labelled(agreementScopes, scopeLabels)}
          />
          {scope === 'regional' && (
            <SelectField
              label="RHF"
              {...form.field('rhfId')}
              id="a-rhf"
              empty="Velg RHF"
              options={listRhfs(organisations.data ?? []).map((rhf) => [rhf.id, rhf.name] as const)}
            />
          )}
          {scope === 'local' && (
            <div className="field">
              <span className="label">Helseforetak</span>
              <HfPicker organisations={organisations.data ?? []} selected={hfIds} onChange={setHfIds} />
              <FieldError problem={problem} path="hfIds" id="a-hfs-error" />
            </div>
          )}
        </section>

        <section className="panel">
          <h2>Kategorier og innkjøpsgrupper</h2>
          <FieldError problem={problem} path="categoryCodes" id="a-categories-error" />
          <div className="hf-regions" data-testid="agreement-categories">
            {tree.map(({ category, purchaseGroups }) => (
              <fieldset key={category.id} className="hf-region">
                <legend>
                  <label className="check-label">
                    <input
                      type="checkbox"
                      checked={chosen.has(category.code)}
                      onChange={(event) => toggleCategory(category.code, event.target.checked)}
                    />{' '}
                    {category.code} {category.name}
                  </label>
                </legend>
                <ul>
                  {purchaseGroups.map((group) => (
                    <li key={group.id}>
                      <label className="check-label">
                        <input
                          type="checkbox"
                          checked={chosen.has(group.code)}
                          onChange={(event) => toggleCategory(group.code, event.target.checked)}
                        />{' '}
                        {group.code} {group.name}
                      </label>
                    </li>
                  ))}
                </ul>
              </fieldset>
            ))}
          </div>
        </section>

        <div className="form-actions">
          <button type="submit" className="button button-primary" data-testid="agreement-save">
            {agreement ? 'Lagre endringer' : 'Opprett avtale'}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            Avbryt
          </button>
        </div>
      </fieldset>
    </form>
  );
}
