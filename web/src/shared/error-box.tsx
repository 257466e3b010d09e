import { useEffect, useRef } from 'react';
import type { Problem } from './api-client.js';

interface ErrorBoxProps {
  problem: Problem | undefined;
  /** Readable names for field paths, e.g. { termEnd: 'Engasjement slutt' }. */
  fieldLabels?: Record<string, string>;
  testId?: string;
  /** Forms move focus to the box so keyboard and screen-reader users land on the errors. */
  isFocusedOnShow?: boolean;
}

/** Shows the server's (or the form's) problem: the detail and every item with its field or row. */
export function ErrorBox({
  problem,
  fieldLabels = {},
  testId = 'error-box',
  isFocusedOnShow = false,
}: ErrorBoxProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem && isFocusedOnShow) ref.current?.focus();
  }, [problem, isFocusedOnShow]);
  if (!problem) return null;
  const detail = problem.detail && problem.detail !== problem.title ? problem.detail : '';
  return (
    <div ref={ref} className="alert alert-error" role="alert" data-testid={testId} tabIndex={-1}>
      <p className="alert-title">{problem.title}</p>
      {detail && <p>{detail}</p>}
      {problem.errors.length > 0 && (
        <ul>
          {problem.errors.map((item, index) => (
            <li key={index}>
              {item.row !== undefined && <strong>Rad {item.row}: </strong>}
              {item.path && <strong>{fieldLabels[normalisePath(item.path)] ?? item.path}: </strong>}
              {item.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The messages a problem has for one field, to show beside it. */
export function fieldErrors(problem: Problem | undefined, path: string): string[] {
  if (!problem) return [];
  return problem.errors
    .filter((item) => {
      const itemPath = normalisePath(item.path);
      return itemPath === path || itemPath.startsWith(`${path}.`);
    })
    .map((item) => item.message);
}

/** Accepts "termEnd", "/termEnd", "body.termEnd" and "body/termEnd" alike. */
function normalisePath(path: string | undefined): string {
  return (path ?? '')
    .replace(/^\//, '')
    .replace(/\//g, '.')
    .replace(/^body\./, '');
}

export function FieldError({
  problem,
  path,
  id,
}: {
  problem: Problem | undefined;
  path: string;
  id: string;
}) {
  const messages = fieldErrors(problem, path);
  if (messages.length === 0) return null;
  return (
    <p className="field-error" id={id}>
      {messages.join(' ')}
    </p>
  );
}
