// Kategoriansvar (seed 000 §7): Innkjøpsforum gives each category to an HF of the region; every HF holds at
// least one (checked here and by the API); the holding HF works through the duty checklist per category.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { canActForHf, canCoordinateRegion } from '@server/domain/regional-access.rules.js';
import {
  categoryDutyIds,
  dutyStatusIds,
  type DutyStatus,
} from '@server/domain/category-responsibility.rules.js';
import { useCurrentUser } from '../auth/session.js';
import { toDisplayProblem, type Problem } from '../../shared/api-client.js';
import { todayIso } from '../../shared/clock.js';
import { ErrorBox } from '../../shared/error-box.js';
import { formatDate } from '../../shared/format.js';
import { Badge, Loading, Notice, PageHeader } from '../../shared/ui.js';
import { useApi } from '../../shared/use-api.js';
import {
  assignCategory,
  dutyLabels,
  dutyStatusLabels,
  regionPath,
  regionsPath,
  updateDuty,
  type RegionResponsibility,
  type RegionSummary,
} from './category-responsibility-api.js';

export function CategoryResponsibilityPage() {
  const regions = useApi<RegionSummary[]>(regionsPath);
  const [chosenId, setRegionId] = useState<string>('');
  // Until the user picks one: the first region that has a distribution (Helse Nord in the demo).
  const regionId =
    chosenId ||
    (regions.data?.find((region) => region.assignedCategories > 0) ?? regions.data?.[0])?.id ||
    '';
  const view = useApi<RegionResponsibility>(regionId ? regionPath(regionId) : null);
  return (
    <>
      <PageHeader
        title="Kategoriansvar"
        lead="Innkjøpsforum fordeler kategoriene mellom helseforetakene i regionen; hvert HF skal ha ansvar for minst én kategori, med oppgavene i styringsmodellen (kapittel 7)."
      />
      <ErrorBox problem={regions.problem ?? view.problem} />
      <div className="filters">
        <div className="field">
          <label htmlFor="cr-region">Region</label>
          <select id="cr-region" value={regionId} onChange={(event) => setRegionId(event.target.value)}>
            {regions.data?.map((region) => (
              <option key={region.id} value={region.id}>
                {region.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      {view.isLoading && !view.data && <Loading />}
      {view.data && <RegionView view={view.data} onChanged={view.reload} />}
    </>
  );
}

function RegionView({ view, onChanged }: { view: RegionResponsibility; onChanged: () => void }) {
  const user = useCurrentUser();
  const [problem, setProblem] = useState<Problem>();
  const [saved, setSaved] = useState('');
  const isCoordinator = canCoordinateRegion(user, view.region.id);
  const byCategory = new Map(view.responsibilities.map((r) => [r.category.id, r]));
  const run = async (work: () => Promise<void>, message: string) => {
    setProblem(undefined);
    setSaved('');
    try {
      await work();
      setSaved(message);
      onChanged();
    } catch (error) {
      setProblem(toDisplayProblem(error));
    }
  };
  return (
    <>
      <section className="panel" data-testid="responsibility-check">
        <h2>Kontroll: alle HF har kategoriansvar</h2>
        {view.check.isEveryHfResponsible ? (
          <Notice tone="success" testId="check-ok">
            Alle {view.hfs.length} helseforetak i {view.region.name} har ansvar for minst én kategori.
          </Notice>
        ) : (
          <Notice tone="warning" testId="check-missing">
            Uten kategoriansvar:{' '}
            {view.check.hfsWithoutCategory.map((hf) => hf.name).join(', ') || 'ingen HF i regionen'}
          </Notice>
        )}
        {view.check.categoriesWithoutHf.length > 0 && (
          <p className="muted" data-testid="categories-without-hf">
            Kategorier uten ansvarlig HF: {view.check.categoriesWithoutHf.map((c) => c.name).join(', ')}
          </p>
        )}
        <ul>
          {view.hfs.map((hf) => (
            <li key={hf.id} data-testid="hf-count" data-hf={hf.name}>
              {hf.name}: {view.check.categoryCountByHf[hf.id] ?? 0}
            </li>
          ))}
        </ul>
      </section>
      <ErrorBox problem={problem} />
      {saved && (
        <Notice tone="success" testId="saved">
          {saved}
        </Notice>
      )}
      <section className="panel">
        <h2>Fordeling</h2>
        <table className="table" data-testid="responsibility-table">
          <thead>
            <tr>
              <th scope="col">Kategori</th>
              <th scope="col">Ansvarlig HF</th>
              <th scope="col">Vedtatt</th>
              <th scope="col">Oppgaver utført</th>
            </tr>
          </thead>
          <tbody>
            {view.categories.map((category) => {
              const held = byCategory.get(category.id);
              return (
                <tr key={category.id} data-testid="responsibility-row" data-category={category.code}>
                  <th scope="row">{category.name}</th>
                  <td>
                    {isCoordinator ? (
                      <AssignSelect
                        key={held?.hf.id ?? 'none'}
                        label={`Ansvarlig HF for ${category.name}`}
                        hfs={view.hfs}
                        value={held?.hf.id ?? ''}
                        decisions={view.approvingDecisions}
                        onAssign={(hfId, reference, bodyCaseId) =>
                          run(
                            () =>
                              assignCategory(view.region.id, category.id, {
                                hfId,
                                decidedOn: todayIso(),
                                decisionReference: reference || null,
                                bodyCaseId: bodyCaseId || null,
                              }),
                            `${category.name} er registrert på ${view.hfs.find((hf) => hf.id === hfId)?.name}.`,
                          )
                        }
                      />
                    ) : (
                      (held?.hf.name ?? <Badge tone="warning">Ikke fordelt</Badge>)
                    )}
                  </td>
                  <td>
                    {held ? (
                      <>
                        {formatDate(held.decidedOn)} ·{' '}
                        {held.bodyCase ? (
                          <Link to={`/saker/${held.bodyCase.id}`} data-testid="approving-case">
                            {held.bodyCase.bodyName} {held.bodyCase.decisionNumber}
                          </Link>
                        ) : (
                          (held.decisionReference ?? held.decidedByName)
                        )}
                      </>
                    ) : (
                      '–'
                    )}
                  </td>
                  <td data-testid="progress">
                    {held ? `${held.progress.done} av ${held.progress.total}` : '–'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      {view.responsibilities.map((held) => {
        const canReport = canActForHf(user, view.region.id, held.hf.id);
        return (
          <details key={held.id} className="panel" data-testid="checklist" data-category={held.category.code}>
            <summary>
              {held.category.name} – {held.hf.name} ({held.progress.done} av {held.progress.total} utført)
            </summary>
            <ul className="plain-list">
              {categoryDutyIds.map((duty) => {
                const entry = held.duties.find((d) => d.duty === duty)!;
                return (
                  <li key={duty} data-testid="duty" data-duty={duty}>
                    <span>{dutyLabels[duty]}</span>{' '}
                    {canReport ? (
                      <select
                        aria-label={`Status: ${dutyLabels[duty]}`}
                        value={entry.status}
                        onChange={(event) =>
                          run(
                            () => updateDuty(held.id, duty, { status: event.target.value as DutyStatus }),
                            'Oppgavestatus er lagret.',
                          )
                        }
                      >
                        {dutyStatusIds.map((status) => (
                          <option key={status} value={status}>
                            {dutyStatusLabels[status]}
                          </option>
                        ))}
                      </select>
                    ) : (
                      <Badge tone={entry.status === 'done' ? 'ok' : 'neutral'}>
                        {dutyStatusLabels[entry.status]}
                      </Badge>
                    )}
                    {entry.updatedOn && (
                      <span className="muted">
                        {' '}
                        {formatDate(entry.updatedOn)} · {entry.updatedByName}
                      </span>
                    )}
                  </li>
                );
              })}
            </ul>
          </details>
        );
      })}
    </>
  );
}

function AssignSelect({
  label,
  hfs,
  value,
  decisions,
  onAssign,
}: {
  label: string;
  hfs: Array<{ id: string; name: string }>;
  value: string;
  /** Innkjøpsforum's approved distribution decisions to cite. */
  decisions: Array<{ id: string; decisionNumber: string; title: string; bodyName: string }>;
  onAssign: (hfId: string, reference: string, bodyCaseId: string) => void;
}) {
  const [hfId, setHfId] = useState(value);
  const [reference, setReference] = useState('');
  const [bodyCaseId, setBodyCaseId] = useState(decisions[0]?.id ?? '');
  return (
    <span style={{ display: 'inline-flex', gap: '0.5rem', flexWrap: 'wrap' }}>
      <select aria-label={label} value={hfId} onChange={(event) => setHfId(event.target.value)}>
        <option value="">– velg HF –</option>
        {hfs.map((hf) => (
          <option key={hf.id} value={hf.id}>
            {hf.name}
          </option>
        ))}
      </select>
      {hfId && hfId !== value && (
        <>
          {decisions.length > 0 ? (
            <select
              aria-label={`Vedtak i Innkjøpsforum (${label})`}
              value={bodyCaseId}
              onChange={(event) => setBodyCaseId(event.target.value)}
            >
              <option value="">– uten vedtak i portalen –</option>
              {decisions.map((decision) => (
                <option key={decision.id} value={decision.id}>
                  {decision.decisionNumber} {decision.title}
                </option>
              ))}
            </select>
          ) : null}
          {!bodyCaseId && (
            <input
              aria-label={`Saksnummer i Innkjøpsforum (${label})`}
              placeholder="Innkjøpsforum sak"
              value={reference}
              onChange={(event) => setReference(event.target.value)}
            />
          )}
          <button
            type="button"
            className="button button-small"
            onClick={() => onAssign(hfId, bodyCaseId ? '' : reference, bodyCaseId)}
          >
            Lagre
          </button>
        </>
      )}
    </span>
  );
}
