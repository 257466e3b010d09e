// Before/after of one audit entry as a field-by-field comparison, changed fields first.
interface DiffRow {
  field: string;
  before: unknown;
  after: unknown;
  isChanged: boolean;
}

export function diffValues(before: unknown, after: unknown): DiffRow[] {
  const asRecord = (value: unknown): Record<string, unknown> =>
    value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const a = asRecord(before);
  const b = asRecord(after);
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return fields
    .map((field) => ({
      field,
      before: a[field],
      after: b[field],
      isChanged: JSON.stringify(a[field]) !== JSON.stringify(b[field]),
    }))
    .sort((x, y) => Number(y.isChanged) - Number(x.isChanged));
}

function show(value: unknown): string {
  if (value === undefined) return '–';
  if (typeof value === 'string') return value;
  // Objects get one field a line; lists and scalars stay on one line.
  return JSON.stringify(
    value,
    null,
    value && typeof value === 'object' && !Array.isArray(value) ? 1 : undefined,
  );
}

export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const isRecordLike = (value: unknown) =>
    value === null || value === undefined || (typeof value === 'object' && !Array.isArray(value));
  if (!isRecordLike(before) || !isRecordLike(after)) {
    return (
      <div className="diff-raw">
        <pre>{`Før: ${show(before)}\nEtter: ${show(after)}`}</pre>
      </div>
    );
  }
  const rows = diffValues(before, after);
  if (rows.length === 0) return <p className="muted">Ingen data før eller etter.</p>;
  return (
    <div className="diff">
      <table className="table table-compact diff-table" data-testid="audit-diff">
        <thead>
          <tr>
            <th scope="col">Felt</th>
            <th scope="col">Før</th>
            <th scope="col">Etter</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.field} className={row.isChanged ? 'diff-changed' : 'diff-same'}>
              <th scope="row" className="code">
                {row.field}
                {row.isChanged && <span className="visually-hidden"> (endret)</span>}
              </th>
              <td>
                <pre>{show(row.before)}</pre>
              </td>
              <td>
                <pre>{show(row.after)}</pre>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <details>
        <summary>Vis rå JSON</summary>
        <div className="diff-raw">
          <pre>{JSON.stringify({ before, after }, null, 2)}</pre>
        </div>
      </details>
    </div>
  );
}
