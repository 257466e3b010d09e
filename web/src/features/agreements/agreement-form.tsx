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
import { toDisplayProblem, type Problem } from '../../shared/api-client.js';
import { ErrorBox, FieldError } from '../../shared/error-box.js';
import { useApi } from '../../shared/use-api.js';
import { validate } from '../../shared/validate.js';
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
  type Agreement,
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

  const [agreementNumber, setAgreementNumber] = useState(agreement?.agreementNumber ?? '');
  const [name, setName] = useState(agreement?.name ?? '');
  const [supplierName, setSupplierName] = useState(agreement?.supplierName ?? '');
  const [supplierOrgNumber, setSupplierOrgNumber] = useState(agreement?.supplierOrgNumber ?? '');
  const [scope, setScope] = useState<Agreement['scope']>(agreement?.scope ?? 'national');
  const [rhfId, setRhfId] = useState(agreement?.rhfId ?? '');
  const [hfIds, setHfIds] = useState<string[]>(agreement?.hfIds ?? []);
  const [categoryCodes, setCategoryCodes] = useState<string[]>(agreement?.categoryCodes ?? []);
  const [validFrom, setValidFrom] = useState(agreement?.validFrom ?? '');
  const [validTo, setValidTo] = useState(agreement?.validTo ?? '');
  const [extensionOptions, setExtensionOptions] = useState(agreement?.extensionOptions ?? '');
  const [status, setStatus] = useState<Agreement['status']>(agreement?.status ?? 'active');
  const [procurementId, setProcurementId] = useState(agreement?.procurementId ?? '');
  const [problem, setProblem] = useState<Problem>();
  const [isSaving, setIsSaving] = useState(false);

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
      agreementNumber,
      name,
      supplierName,
      supplierOrgNumber,
      scope,
      rhfId: scope === 'regional' ? rhfId || null : null,
      hfIds: scope === 'local' ? hfIds : [],
      categoryCodes,
      validFrom,
      validTo,
      extensionOptions: extensionOptions.trim() || null,
      status,
      procurementId: procurementId || null,
    };
    const invalid = validate(agreement ? updateAgreementSchema : createAgreementSchema, body);
    if (invalid) {
      setProblem(invalid);
      return;
    }
    setProblem(undefined);
    setIsSaving(true);
    try {
      onSaved(agreement ? await updateAgreement(agreement.id, body) : await createAgreement(body));
    } catch (error) {
      setProblem(toDisplayProblem(error));
    } finally {
      setIsSaving(false);
    }
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
            <TextField
              id="a-number"
              label="Avtalenummer"
              value={agreementNumber}
              onChange={setAgreementNumber}
              problem={problem}
              path="agreementNumber"
            />
            <TextField
              id="a-name"
              label="Navn"
              value={name}
              onChange={setName}
              problem={problem}
              path="name"
            />
          </div>
          <div className="form-grid">
            <TextField
              id="a-supplier"
              label="Leverandør"
              value={supplierName}
              onChange={setSupplierName}
              problem={problem}
              path="supplierName"
            />
            <div className="field">
              <label htmlFor="a-org-number">Organisasjonsnummer</label>
              <input
                id="a-org-number"
                value={supplierOrgNumber}
                inputMode="numeric"
                placeholder="9 siffer"
                onChange={(event) => setSupplierOrgNumber(event.target.value)}
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
              value={status}
              onChange={(value) => setStatus(value as Agreement['status'])}
              options={labelled(agreementStatuses, statusLabels)}
            />
            <SelectField
              id="a-procurement"
              label="Anskaffelsen avtalen kom fra"
              value={procurementId}
              onChange={setProcurementId}
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
            <TextField
              id="a-valid-from"
              label="Gyldig fra"
              type="date"
              value={validFrom}
              onChange={setValidFrom}
              problem={problem}
              path="validFrom"
            />
            <TextField
              id="a-valid-to"
              label="Gyldig til"
              type="date"
              value={validTo}
              onChange={setValidTo}
              problem={problem}
              path="validTo"
            />
          </div>
          <TextField
            id="a-options"
            label="Opsjoner (forlengelse)"
            value={extensionOptions}
            placeholder="F.eks. 1 + 1 år"
            onChange={setExtensionOptions}
          />
        </section>

        <section className="panel">
          <h2>Omfang</h2>
          <SelectField
            id="a-scope"
            label="Omfang"
            value={scope}
            onChange={(value) => setScope(value as Agreement['scope'])}
          >
            {agreementScopes.map((value) => (
              <option key={value} value={value}>
                {scopeLabels[value]}
              </option>
            ))}
          </SelectField>
          {scope === 'regional' && (
            <SelectField
              id="a-rhf"
              label="RHF"
              value={rhfId}
              onChange={setRhfId}
              problem={problem}
              path="rhfId"
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
