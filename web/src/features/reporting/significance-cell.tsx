// Strategic significance at a glance: the initial and the final (endelig) value, or the recommendation while
// neither is decided.
import type { PortfolioReport } from '@server/features/reporting/reporting.schemas.js';

type Row = Pick<
  PortfolioReport['rows'][number],
  'significance' | 'initialSignificance' | 'finalSignificance'
>;

export function SignificanceCell({ row }: { row: Row }) {
  if (!row.initialSignificance && !row.finalSignificance)
    return row.significance ? <span className="muted">anbefalt {row.significance}</span> : <>–</>;
  return (
    <span data-testid="significance" title="Initial / endelig strategisk betydning">
      {row.initialSignificance ?? '–'} / <strong>{row.finalSignificance ?? '–'}</strong>
    </span>
  );
}
