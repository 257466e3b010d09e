// Kategoristrategier: which categories run by Sykehusinnkjøp have an approved strategy (the KPI
// "kategoristrategier utviklet", target 100 %, counts them). The secretariat registers the approval date.
import { useState } from 'react';
import type { z } from 'zod';
import type { categoryStrategySchema } from '@server/features/kpis/kpis.schemas.js';
import { api, toDisplayProblem, type Problem } from '../../shared/api-client.js';
import { ErrorBox } from '../../shared/error-box.js';
import { formatDate } from '../../shared/format.js';
import { Badge, EmptyRow, Loading } from '../../shared/ui.js';
import { useApi } from '../../shared/use-api.js';

type CategoryStrategy = z.infer<typeof categoryStrategySchema>;

export function CategoryStrategies({ canEdit, onChanged }: { canEdit: boolean; onChanged: () => void }) {
  const strategies = useApi<CategoryStrategy[]>('/api/kpis/category-strategies');
  const rows = strategies.data ?? [];
  const approved = rows.filter((row) => row.approvedOn !== null).length;
  return (
    <section
      className="panel"
      aria-labelledby="category-strategies-heading"
      data-testid="category-strategies"
    >
      <div className="panel-header">
        <h2 id="category-strategies-heading">Kategoristrategier</h2>
        {strategies.data && (
          <span data-testid="category-strategies-count">
            {approved} av {rows.length} kategorier har godkjent strategi
          </span>
        )}
      </div>
      <ErrorBox problem={strategies.problem} />
      {strategies.isLoading && !strategies.data && <Loading />}
      {strategies.data && (
        <div className="table-wrap">
          <table className="table table-compact">
            <thead>
              <tr>
                <th scope="col">Kategori</th>
                <th scope="col">Strategi godkjent</th>
                <th scope="col">Merknad</th>
                {canEdit && (
                  <th scope="col">
                    <span className="visually-hidden">Lagre</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {rows.length === 0 && <EmptyRow colSpan={canEdit ? 4 : 3}>Ingen kategorier.</EmptyRow>}
              {rows.map((row) =>
                canEdit ? (
                  <StrategyRow
                    key={`${row.categoryId}:${row.approvedOn ?? ''}:${row.note ?? ''}`}
                    row={row}
                    onSaved={() => {
                      strategies.reload();
                      onChanged();
                    }}
                  />
                ) : (
                  <tr key={row.categoryId} data-testid="category-strategy" data-code={row.code}>
                    <td>
                      {row.code} – {row.name}
                    </td>
                    <td>
                      {row.approvedOn ? formatDate(row.approvedOn) : <Badge tone="warning">Mangler</Badge>}
                    </td>
                    <td>{row.note ?? ''}</td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function StrategyRow({ row, onSaved }: { row: CategoryStrategy; onSaved: () => void }) {
  const [approvedOn, setApprovedOn] = useState(row.approvedOn ?? '');
  const [note, setNote] = useState(row.note ?? '');
  const [problem, setProblem] = useState<Problem>();
  const [isSaving, setIsSaving] = useState(false);
  const isChanged = approvedOn !== (row.approvedOn ?? '') || note !== (row.note ?? '');

  async function save() {
    setIsSaving(true);
    try {
      await api.put(`/api/kpis/category-strategies/${row.categoryId}`, {
        approvedOn: approvedOn === '' ? null : approvedOn,
        note: note.trim() === '' ? null : note.trim(),
      });
      setProblem(undefined);
      onSaved();
    } catch (error) {
      setProblem(toDisplayProblem(error));
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <tr data-testid="category-strategy" data-code={row.code}>
      <td>
        {row.code} – {row.name}
      </td>
      <td>
        <input
          type="date"
          value={approvedOn}
          onChange={(e) => setApprovedOn(e.target.value)}
          aria-label={`Strategi for ${row.code} godkjent`}
          data-testid="category-strategy-date"
        />
      </td>
      <td>
        <input
          value={note}
          onChange={(e) => setNote(e.target.value)}
          aria-label={`Merknad for ${row.code}`}
        />
        <ErrorBox problem={problem} />
      </td>
      <td>
        <button
          type="button"
          className="button button-small"
          disabled={!isChanged || isSaving}
          onClick={() => void save()}
          data-testid="category-strategy-save"
        >
          Lagre
        </button>
      </td>
    </tr>
  );
}
