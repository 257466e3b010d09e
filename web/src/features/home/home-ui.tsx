// The building blocks of the role homes: a count with its link, a list of items, a late marker.
import type { ReactNode } from 'react';
import { Badge } from '../../shared/ui.js';

/** A count that jumps to its list below; red when something is overdue or wrong. */
export function Count({
  id,
  value,
  label,
  tone,
}: {
  id: string;
  value: number;
  label: string;
  tone?: 'error' | 'warning';
}) {
  const className = `stat-card${value > 0 && tone ? ` stat-card-${tone}` : ''}`;
  return (
    <a href={`#${id}`} className={className} data-testid={`count-${id}`}>
      <span className="stat-value">{value}</span>
      <span className="stat-label">{label}</span>
    </a>
  );
}

/** One list of a home, with its heading as the anchor of its count; says so when it is empty. */
export function Items<T>({
  id,
  title,
  items,
  empty,
  render,
}: {
  id: string;
  title: string;
  items: readonly T[];
  empty: string;
  render: (item: T) => ReactNode;
}) {
  return (
    <div className="home-list" data-testid={`list-${id}`}>
      <h3 id={id}>
        {title} <Badge tone={items.length > 0 ? 'info' : 'neutral'}>{items.length}</Badge>
      </h3>
      {items.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="link-list">
          {items.map((item, index) => (
            <li key={index}>{render(item)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Late({ late, children }: { late: boolean; children: ReactNode }) {
  return late ? <Badge tone="error">{children}</Badge> : <span className="subtle">{children}</span>;
}
