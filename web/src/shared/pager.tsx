// Previous / next over a list paged on the server (limit/offset with a total), with "Side x av y".
export function Pager({
  page,
  pageCount,
  onPage,
  testId = 'pager',
}: {
  page: number;
  pageCount: number;
  onPage: (page: number) => void;
  testId?: string;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav className="pager" aria-label="Sider" data-testid={testId}>
      <button
        type="button"
        className="button"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
        data-testid="pager-previous"
      >
        Forrige
      </button>
      <span data-testid="pager-position">
        Side {page} av {pageCount}
      </span>
      <button
        type="button"
        className="button"
        disabled={page >= pageCount}
        onClick={() => onPage(page + 1)}
        data-testid="pager-next"
      >
        Neste
      </button>
    </nav>
  );
}

/** The offset of a 1-based page, and the number of pages a total fills. */
export const pageOffset = (page: number, pageSize: number) => (page - 1) * pageSize;
export const pageCountOf = (total: number, pageSize: number) => Math.max(1, Math.ceil(total / pageSize));
