import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import {
  createProcurementSchema,
  updateProcurementSchema,
} from '@server/features/procurements/procurements.schemas.js';
import { toDisplayProblem, type Problem } from '../../shared/api-client.js';
import { ErrorBox, FieldError } from '../../shared/error-box.js';
import { compareNb, formatNok, formatTimestamp } from '../../shared/format.js';
import { statusLabels, statusOrder, type ProcurementStatus } from '../../shared/labels.js';
import { Loading, Notice, PageHeader } from '../../shared/ui.js';
import { useApi } from '../../shared/use-api.js';
import { validate } from '../../shared/validate.js';
import type { CurrentUser } from '../auth/auth-api.js';
import { can } from '../auth/permissions.js';
import { useCurrentUser } from '../auth/session.js';
import { buildCategoryTree, categoriesPath, type Category } from '../categories/categories-api.js';
import { organisationsPath, type Organisation } from '../organisations/organisations-api.js';
import { peoplePath, type Person } from '../people/people-api.js';
import { GovernancePanel } from '../governance/governance-panel.js';
import type { ProcurementDetail } from '../governance/governance-api.js';
import { GatePlanSection } from '../reporting/gate-plan-section.js';
import { RegionalGovernanceSection } from '../governance-bodies/regional-governance-section.js';
import { HfPicker } from './hf-picker.js';
import {
  createProcurement,
  procurementPath,
  updateProcurement,
  type Procurement,
} from './procurements-api.js';
import { SelectField, TextAreaField, TextField, labelled } from '../../shared/fields.js';

const fieldLabels = {
  name: 'Navn',
  description: 'Beskrivelse',
  categoryCode: 'Kategori',
  purchaseGroupCode: 'Innkjøpsgruppe',
  participatingHfIds: 'Deltakende helseforetak',
  contractValueNok: 'Estimert kontraktsverdi',
  projectStart: 'Prosjektoppstart',
  announcementDate: 'Kunngjøring',
  announcementDatePrecision: 'Presisjon for kunngjøring',
  transferToNewModel: 'Overgang til ny modell',
  status: 'Status',
  procurementLeadId: 'Leder anskaffelse',
};

/** `/anskaffelser/ny` and `/anskaffelser/:id`: one form for creating and editing. */
export function ProcurementPage() {
  const { id } = useParams();
  const user = useCurrentUser();
  const location = useLocation();
  const procurement = useApi<ProcurementDetail>(id ? procurementPath(id) : null);
  const organisations = useApi<Organisation[]>(organisationsPath);
  const categories = useApi<Category[]>(categoriesPath);
  const people = useApi<Person[]>(can.readPeople(user) ? peoplePath : null);
  // A message from the create step arrives in the navigation state; later saves set their own.
  const [saved, setSaved] = useState<{ locationKey: string; text: string }>();
  const message =
    saved?.locationKey === location.key
      ? saved.text
      : ((location.state as { message?: string } | null)?.message ?? '');

  const isNew = !id;
  if (!isNew && procurement.problem && procurement.data?.id !== id)
    return <ErrorBox problem={procurement.problem} />;
  if (!isNew && (!procurement.data || procurement.data.id !== id)) return <Loading />;
  if (!organisations.data || !categories.data) {
    return organisations.problem || categories.problem ? (
      <ErrorBox problem={organisations.problem ?? categories.problem} />
    ) : (
      <Loading />
    );
  }

  const existing = isNew ? undefined : procurement.data;
  const mayEdit = existing
    ? can.editProcurement(user, existing.procurementLeadId)
    : can.createProcurement(user);

  return (
    <>
      <nav className="breadcrumbs" aria-label="Brødsmuler">
        <Link to="/anskaffelser">Anskaffelser</Link> <span aria-hidden="true">›</span>{' '}
        {existing?.name ?? 'Ny anskaffelse'}
      </nav>
      <PageHeader
        title={existing?.name ?? 'Ny anskaffelse'}
        lead={existing && <>Sist endret {formatTimestamp(existing.updatedAt)}</>}
      />
      {message && (
        <Notice tone="success" testId="save-message">
          {message}
        </Notice>
      )}
      {!mayEdit && (
        <Notice tone="info">
          {existing
            ? 'Du kan se anskaffelsen, men bare porteføljesekretariatet og lederen for anskaffelsen kan endre den.'
            : 'Bare porteføljesekretariatet og ledere for anskaffelser kan registrere anskaffelser.'}
        </Notice>
      )}
      {existing && (
        <GovernancePanel
          procurement={existing}
          user={user}
          organisations={organisations.data}
          isBusy={procurement.isLoading}
          onChanged={(text) => {
            setSaved({ locationKey: location.key, text });
            procurement.reload();
          }}
        />
      )}
      {existing && (
        <RegionalGovernanceSection
          procurementId={existing.id}
          onChanged={(text) => setSaved({ locationKey: location.key, text })}
        />
      )}
      {existing && <GatePlanSection procurementId={existing.id} />}
      {existing && <h2 className="section-heading">Opplysninger om anskaffelsen</h2>}
      <ProcurementForm
        // A fresh form after each save, so the fields show what the server stored.
        key={existing ? `${existing.id}:${existing.updatedAt}` : 'new'}
        user={user}
        procurement={existing}
        organisations={organisations.data}
        categories={categories.data}
        people={people.data}
        isPeopleForbidden={!can.readPeople(user) || people.errorStatus === 403}
        isReadOnly={!mayEdit}
        onSaved={() => {
          setSaved({ locationKey: location.key, text: 'Anskaffelsen er lagret.' });
          procurement.reload();
        }}
      />
    </>
  );
}

interface ProcurementFormProps {
  user: CurrentUser;
  procurement?: Procurement;
  organisations: Organisation[];
  categories: Category[];
  people: Person[] | undefined;
  isPeopleForbidden: boolean;
  isReadOnly: boolean;
  onSaved: () => void;
}

function ProcurementForm({
  user,
  procurement,
  organisations,
  categories,
  people,
  isPeopleForbidden,
  isReadOnly,
  onSaved,
}: ProcurementFormProps) {
  const navigate = useNavigate();
  const [name, setName] = useState(procurement?.name ?? '');
  const [description, setDescription] = useState(procurement?.description ?? '');
  const [categoryCode, setCategoryCode] = useState(procurement?.categoryCode ?? '');
  const [purchaseGroupCode, setPurchaseGroupCode] = useState(procurement?.purchaseGroupCode ?? '');
  const [participatingHfIds, setParticipatingHfIds] = useState<string[]>(
    procurement?.participatingHfIds ?? [],
  );
  const [contractValueNok, setContractValueNok] = useState(procurement?.contractValueNok ?? '');
  const [projectStart, setProjectStart] = useState(procurement?.projectStart ?? '');
  const [precision, setPrecision] = useState<'day' | 'month'>(
    procurement?.announcementDatePrecision ?? 'day',
  );
  const [announcementDate, setAnnouncementDate] = useState(procurement?.announcementDate ?? '');
  const [transferToNewModel, setTransferToNewModel] = useState(procurement?.transferToNewModel ?? true);
  const [status, setStatus] = useState<ProcurementStatus>(procurement?.status ?? 'planned');
  const [procurementLeadId, setProcurementLeadId] = useState(
    procurement?.procurementLeadId ??
      (!procurement && !user.roles.some((grant) => grant.role === 'secretariat') ? user.personId : ''),
  );
  const [problem, setProblem] = useState<Problem>();
  const [isSaving, setIsSaving] = useState(false);

  const tree = buildCategoryTree(categories);
  const selectedNode = tree.find((node) => node.category.code === categoryCode);
  const purchaseGroups = selectedNode?.purchaseGroups ?? [];
  const leads = (people ?? [])
    .filter(
      (person) =>
        person.roles.some((grant) => grant.role === 'procurementLead') || person.id === procurementLeadId,
    )
    .sort((a, b) => compareNb(a.name, b.name));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const body = {
      name,
      description: description.trim() === '' ? null : description,
      categoryCode,
      purchaseGroupCode: purchaseGroupCode === '' ? null : purchaseGroupCode,
      participatingHfIds,
      contractValueNok: contractValueNok.trim() === '' ? null : contractValueNok,
      projectStart: projectStart === '' ? null : projectStart,
      // A month-precision date is stored as the first of the month.
      announcementDate:
        announcementDate === ''
          ? null
          : precision === 'month'
            ? `${announcementDate.slice(0, 7)}-01`
            : announcementDate,
      announcementDatePrecision: precision,
      transferToNewModel,
      status,
      // Without access to the person register the lead cannot be changed here, so it is left out.
      ...(isPeopleForbidden
        ? {}
        : { procurementLeadId: procurementLeadId === '' ? null : procurementLeadId }),
    };
    const invalid = validate(procurement ? updateProcurementSchema : createProcurementSchema, body);
    setProblem(invalid);
    if (invalid) return;
    setIsSaving(true);
    try {
      if (procurement) {
        await updateProcurement(procurement.id, body);
        onSaved();
      } else {
        const created = await createProcurement(body);
        void navigate(`/anskaffelser/${created.id}`, {
          replace: true,
          state: { message: 'Anskaffelsen er registrert.' },
        });
      }
    } catch (error) {
      setProblem(toDisplayProblem(error));
      setIsSaving(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="form-layout" data-testid="procurement-form">
      <fieldset disabled={isReadOnly || isSaving} className="plain">
        <ErrorBox problem={problem} fieldLabels={fieldLabels} isFocusedOnShow testId="procurement-error" />
        <section className="panel">
          <h2>Anskaffelsen</h2>
          <TextField id="p-name" label="Navn" value={name} onChange={setName} problem={problem} path="name" />
          <TextAreaField
            id="p-description"
            label="Beskrivelse"
            rows={3}
            value={description}
            onChange={setDescription}
            problem={problem}
            path="description"
          />
          <div className="form-grid">
            <SelectField
              id="p-category"
              label="Kategori"
              value={categoryCode}
              onChange={(value) => {
                setCategoryCode(value);
                setPurchaseGroupCode('');
              }}
              problem={problem}
              path="categoryCode"
            >
              <option value="">Velg kategori</option>
              {tree.map(({ category }) => (
                <option
                  key={category.id}
                  value={category.code}
                  disabled={!category.active && category.code !== categoryCode}
                >
                  {category.code} – {category.name}
                </option>
              ))}
            </SelectField>
            <SelectField
              id="p-purchase-group"
              label="Innkjøpsgruppe"
              value={purchaseGroupCode}
              onChange={setPurchaseGroupCode}
              disabled={purchaseGroups.length === 0}
              problem={problem}
              path="purchaseGroupCode"
            >
              <option value="">
                {purchaseGroups.length === 0
                  ? 'Kategorien har ingen innkjøpsgrupper'
                  : 'Ingen (hele kategorien)'}
              </option>
              {purchaseGroups.map((group) => (
                <option key={group.id} value={group.code}>
                  {group.name}
                </option>
              ))}
            </SelectField>
            <SelectField
              id="p-status"
              label="Status"
              value={status}
              onChange={(value) => setStatus(value as ProcurementStatus)}
              options={labelled(statusOrder, statusLabels)}
            />
            <div className="field">
              <label htmlFor="p-lead">Leder anskaffelse</label>
              {isPeopleForbidden ? (
                <p className="readonly-value">{procurement?.procurementLeadName ?? 'Ikke satt'}</p>
              ) : (
                <select
                  id="p-lead"
                  value={procurementLeadId}
                  onChange={(event) => setProcurementLeadId(event.target.value)}
                >
                  <option value="">Ikke satt</option>
                  {procurement?.procurementLeadId &&
                    !leads.some((person) => person.id === procurement.procurementLeadId) && (
                      <option value={procurement.procurementLeadId}>{procurement.procurementLeadName}</option>
                    )}
                  {leads.map((person) => (
                    <option key={person.id} value={person.id}>
                      {person.name}
                    </option>
                  ))}
                </select>
              )}
              <FieldError problem={problem} path="procurementLeadId" id="p-lead-error" />
            </div>
          </div>
        </section>

        <section className="panel">
          <h2>Tidsplan og verdi</h2>
          <div className="form-grid">
            <TextField
              id="p-project-start"
              label="Prosjektoppstart"
              type="date"
              value={projectStart}
              onChange={setProjectStart}
              problem={problem}
              path="projectStart"
            />
            <fieldset className="field">
              <legend>Kunngjøring</legend>
              <div className="inline-options">
                <label className="check-label">
                  <input
                    type="radio"
                    name="p-precision"
                    checked={precision === 'day'}
                    onChange={() => setPrecision('day')}
                  />{' '}
                  Dato
                </label>
                <label className="check-label">
                  <input
                    type="radio"
                    name="p-precision"
                    checked={precision === 'month'}
                    onChange={() => setPrecision('month')}
                  />{' '}
                  Bare måned
                </label>
              </div>
              {precision === 'day' ? (
                <input
                  type="date"
                  aria-label="Kunngjøringsdato"
                  value={announcementDate}
                  onChange={(event) => setAnnouncementDate(event.target.value)}
                />
              ) : (
                <input
                  type="month"
                  aria-label="Kunngjøringsmåned"
                  value={announcementDate.slice(0, 7)}
                  onChange={(event) =>
                    setAnnouncementDate(event.target.value ? `${event.target.value}-01` : '')
                  }
                />
              )}
              <FieldError problem={problem} path="announcementDate" id="p-announcement-error" />
            </fieldset>
            <div className="field">
              <label htmlFor="p-value">Estimert kontraktsverdi (NOK)</label>
              <input
                id="p-value"
                inputMode="decimal"
                value={contractValueNok}
                onChange={(event) => setContractValueNok(event.target.value)}
                aria-describedby="p-value-hint p-value-error"
              />
              <p className="hint" id="p-value-hint">
                {previewNok(contractValueNok) || 'Kroner, f.eks. 250 000 000.'} Over 200 millioner kroner
                trekker strategisk betydning opp.
              </p>
              <FieldError problem={problem} path="contractValueNok" id="p-value-error" />
            </div>
            <div className="field">
              <span className="label">Overgang til ny modell</span>
              <label className="check-label">
                <input
                  type="checkbox"
                  checked={transferToNewModel}
                  onChange={(event) => setTransferToNewModel(event.target.checked)}
                />{' '}
                Ja, anskaffelsen går over til den nye styringsmodellen
              </label>
            </div>
          </div>
        </section>

        <section className="panel">
          <h2>Deltakende helseforetak</h2>
          <HfPicker
            organisations={organisations}
            selected={participatingHfIds}
            onChange={setParticipatingHfIds}
            isDisabled={isReadOnly}
          />
          <FieldError problem={problem} path="participatingHfIds" id="p-hfs-error" />
        </section>

        {!isReadOnly && (
          <div className="form-actions">
            <button type="submit" className="button button-primary" data-testid="procurement-save">
              {isSaving ? 'Lagrer …' : procurement ? 'Lagre endringer' : 'Registrer anskaffelse'}
            </button>
            <Link to="/anskaffelser" className="button">
              Avbryt
            </Link>
          </div>
        )}
      </fieldset>
    </form>
  );
}

/** The typed amount as the portal will show it, once it is a number. */
function previewNok(typed: string): string {
  const clean = typed.replace(/\s/g, '').replace(',', '.');
  return /^\d+(\.\d{1,2})?$/.test(clean) ? `= ${formatNok(clean)}.` : '';
}
