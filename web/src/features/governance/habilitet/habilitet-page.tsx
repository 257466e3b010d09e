// `/habilitet`: the member's interest declaration (habilitetserklæring, renewed every 12 months), and for RHF
// contacts and the secretariat the habilitet questions to decide and who is due to renew (seed 001 §7.2, §7.7).
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { toDisplayProblem, type Problem } from '../../../shared/api-client.js';
import { ErrorBox } from '../../../shared/error-box.js';
import { formatTimestamp } from '../../../shared/format.js';
import { Badge, EmptyRow, Loading, Notice, PageHeader } from '../../../shared/ui.js';
import { useApi } from '../../../shared/use-api.js';
import { hasRole } from '../../auth/permissions.js';
import { useCurrentUser } from '../../auth/session.js';
import {
  compositionWarningsPath,
  confirmDeclaration,
  declarationOverviewPath,
  declarationStatusLabels,
  myDeclarationPath,
  questionsPath,
  questionSourceLabels,
  relationLabels,
  type CompositionWarning,
  type Declaration,
  type DeclarationOverview,
  type HabilitetQuestion,
  type InterestInput,
} from './habilitet-api.js';

const statusTone = { missing: 'error', overdue: 'error', dueSoon: 'warning', current: 'ok' } as const;

export function HabilitetPage() {
  const user = useCurrentUser();
  const oversees = hasRole(user, 'rhfContact', 'secretariat');
  return (
    <div data-testid="habilitet-page">
      <PageHeader
        title="Habilitet"
        lead="Hvert RHF sjekker habiliteten til medlemmene før oppnevning og avgjør habilitetsspørsmål i enkeltsaker. Medlemmene holder habilitetserklæringen oppdatert."
        actions={oversees ? <Link to="/habilitet/ukesoversikt">Ukesoversikt for RHF</Link> : undefined}
      />
      {oversees && <QuestionsToDecide />}
      {oversees && <CompositionWarnings />}
      <MyDeclaration />
      {oversees && <DeclarationsOverview />}
    </div>
  );
}

function QuestionsToDecide() {
  const pending = useApi<HabilitetQuestion[]>(questionsPath('pending'));
  return (
    <section className="panel" aria-labelledby="questions-heading" data-testid="questions-to-decide">
      <h2 id="questions-heading">Habilitetsspørsmål som venter på avgjørelse</h2>
      {!pending.data ? (
        <Loading />
      ) : pending.data.length === 0 ? (
        <p className="muted">Ingen habilitetsspørsmål venter.</p>
      ) : (
        <ul className="plain-list">
          {pending.data.map((question) => (
            <li key={question.id} data-testid="pending-question">
              <Link to={`/saker/${question.caseId}`}>{question.caseTitle}</Link> ({question.steeringGroupName}
              ): <strong>{question.personName}</strong>, {question.rhfName} –{' '}
              {questionSourceLabels[question.source].toLowerCase()} {formatTimestamp(question.raisedAt)}
              {question.reason && <span className="subtle"> «{question.reason}»</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** "Vurder utskifting" (seed 001 §7.2): lasting inhabilitet of the RHF's members. */
function CompositionWarnings() {
  const warnings = useApi<CompositionWarning[]>(compositionWarningsPath);
  if (!warnings.data || warnings.data.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="lasting-heading" data-testid="composition-warnings">
      <h2 id="lasting-heading">Vurder utskifting</h2>
      <ul className="plain-list">
        {warnings.data.map((warning) => (
          <li key={warning.membershipId}>
            <Badge tone="warning">{warning.rhfName}</Badge>{' '}
            <Link to={`/styringsgrupper/${warning.steeringGroupId}`}>{warning.steeringGroupName}</Link>:{' '}
            {warning.message}
          </li>
        ))}
      </ul>
    </section>
  );
}

const emptyInterest = (): InterestInput => ({
  organisationName: '',
  organisationNumber: '',
  relation: 'boardSeat',
  fromDate: '',
  toDate: null,
  lastingCategoryCodes: [],
});

function MyDeclaration() {
  const loaded = useApi<Declaration>(myDeclarationPath);
  if (!loaded.data) return <Loading />;
  return (
    <DeclarationForm
      key={loaded.data.confirmedOn ?? 'none'}
      declaration={loaded.data}
      onSaved={loaded.reload}
    />
  );
}

function DeclarationForm({ declaration, onSaved }: { declaration: Declaration; onSaved: () => void }) {
  const [interests, setInterests] = useState<InterestInput[]>(() => structuredClone(declaration.interests));
  const [problem, setProblem] = useState<Problem>();
  const [message, setMessage] = useState('');
  const [isSaving, setIsSaving] = useState(false);
  const update = (index: number, patch: Partial<InterestInput>) =>
    setInterests(interests.map((interest, i) => (i === index ? { ...interest, ...patch } : interest)));

  async function save() {
    setIsSaving(true);
    setProblem(undefined);
    try {
      await confirmDeclaration(interests.map((i) => ({ ...i, toDate: i.toDate || null })));
      setMessage('Habilitetserklæringen er bekreftet.');
      onSaved();
    } catch (error) {
      setProblem(toDisplayProblem(error));
    }
    setIsSaving(false);
  }

  return (
    <section
      className="panel"
      aria-labelledby="declaration-heading"
      data-testid="my-declaration"
      data-status={declaration.status}
    >
      <div className="panel-header">
        <h2 id="declaration-heading">Min habilitetserklæring</h2>
        <Badge tone={statusTone[declaration.status]}>{declarationStatusLabels[declaration.status]}</Badge>
      </div>
      <p className="muted">
        {declaration.confirmedOn
          ? `Sist bekreftet ${declaration.confirmedOn}; skal fornyes innen ${declaration.dueOn}.`
          : 'Ikke bekreftet. Erklæringen bekreftes ved oppnevning og fornyes hver 12. måned.'}
      </p>
      {message && (
        <Notice tone="success" testId="save-message">
          {message}
        </Notice>
      )}
      <ErrorBox problem={problem} />
      <p className="hint">
        Oppgi virksomheter du har eierskap i, styreverv eller ansettelse hos, eller der nær familie arbeider.
        Oppgitte virksomheter sammenlignes med tilbyderne i anskaffelsene du beslutter.
      </p>
      <table className="table table-compact" data-testid="interests">
        <thead>
          <tr>
            <th scope="col">Virksomhet</th>
            <th scope="col">Org.nr.</th>
            <th scope="col">Tilknytning</th>
            <th scope="col">Fra</th>
            <th scope="col">Til</th>
            <th scope="col">
              <span className="visually-hidden">Fjern</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {interests.length === 0 && <EmptyRow colSpan={6}>Ingen interesser oppgitt.</EmptyRow>}
          {interests.map((interest, index) => (
            <tr key={index} data-testid="interest-row">
              <td>
                <input
                  aria-label="Virksomhet"
                  value={interest.organisationName}
                  onChange={(e) => update(index, { organisationName: e.target.value })}
                  data-testid="interest-name"
                />
              </td>
              <td>
                <input
                  aria-label="Organisasjonsnummer"
                  value={interest.organisationNumber}
                  onChange={(e) => update(index, { organisationNumber: e.target.value })}
                  data-testid="interest-number"
                />
              </td>
              <td>
                <select
                  aria-label="Tilknytning"
                  value={interest.relation}
                  onChange={(e) => update(index, { relation: e.target.value as InterestInput['relation'] })}
                >
                  {Object.entries(relationLabels).map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <input
                  type="date"
                  aria-label="Fra"
                  value={interest.fromDate}
                  onChange={(e) => update(index, { fromDate: e.target.value })}
                  data-testid="interest-from"
                />
              </td>
              <td>
                <input
                  type="date"
                  aria-label="Til"
                  value={interest.toDate ?? ''}
                  onChange={(e) => update(index, { toDate: e.target.value || null })}
                />
              </td>
              <td>
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => setInterests(interests.filter((_, i) => i !== index))}
                >
                  Fjern
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form-actions">
        <button
          type="button"
          className="button"
          onClick={() => setInterests([...interests, emptyInterest()])}
          data-testid="interest-add"
        >
          Legg til virksomhet
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={isSaving}
          onClick={() => void save()}
          data-testid="declaration-confirm"
        >
          Bekreft erklæringen
        </button>
      </div>
    </section>
  );
}

function DeclarationsOverview() {
  const overview = useApi<DeclarationOverview>(declarationOverviewPath);
  const rows = [...(overview.data ?? [])].sort(
    (a, b) =>
      ['missing', 'overdue', 'dueSoon', 'current'].indexOf(a.status) -
      ['missing', 'overdue', 'dueSoon', 'current'].indexOf(b.status),
  );
  return (
    <section className="panel" aria-labelledby="overview-heading" data-testid="declarations-overview">
      <h2 id="overview-heading">Habilitetserklæringer i styringsgruppene</h2>
      {!overview.data ? (
        <Loading />
      ) : (
        <table className="table table-dense">
          <thead>
            <tr>
              <th scope="col">Medlem</th>
              <th scope="col">Styringsgruppe</th>
              <th scope="col">RHF</th>
              <th scope="col">Status</th>
              <th scope="col">Forfaller</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && <EmptyRow colSpan={5}>Ingen aktive medlemmer.</EmptyRow>}
            {rows.map((row) => (
              <tr key={row.membershipId} data-testid="declaration-row" data-status={row.status}>
                <th scope="row">{row.personName}</th>
                <td>{row.steeringGroupName}</td>
                <td>{row.rhfName}</td>
                <td>
                  <Badge tone={statusTone[row.status]}>{declarationStatusLabels[row.status]}</Badge>
                </td>
                <td className="nowrap">{row.dueOn ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
