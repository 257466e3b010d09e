// Small presentational pieces shared by the pages.
import type { ReactNode } from 'react';

/** "1 advarsel", "3 advarsler". */
export function pluralise(count: number, singular: string, plural: string): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

export function PageHeader({
  title,
  lead,
  actions,
}: {
  title: string;
  lead?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="page-header">
      <div>
        <h1>{title}</h1>
        {lead && <p className="lead">{lead}</p>}
      </div>
      {actions && <div className="page-actions">{actions}</div>}
    </div>
  );
}

export function Loading({ label = 'Laster …' }: { label?: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      {label}
    </p>
  );
}

export function Badge({
  tone,
  children,
  title,
}: {
  tone: 'error' | 'warning' | 'ok' | 'info' | 'neutral';
  children: ReactNode;
  title?: string;
}) {
  return (
    <span className={`badge badge-${tone}`} title={title}>
      {children}
    </span>
  );
}

export function Notice({
  tone,
  children,
  testId,
}: {
  tone: 'success' | 'info' | 'warning';
  children: ReactNode;
  testId?: string;
}) {
  return (
    <div className={`alert alert-${tone}`} role="status" data-testid={testId}>
      {children}
    </div>
  );
}

/** The header cell over a table's row actions: named for screen readers, not shown. */
export function ActionsHeader() {
  return (
    <th scope="col">
      <span className="visually-hidden">Handlinger</span>
    </th>
  );
}

export function EmptyRow({ colSpan, children }: { colSpan: number; children: ReactNode }) {
  return (
    <tr>
      <td colSpan={colSpan} className="empty">
        {children}
      </td>
    </tr>
  );
}

/** The save/cancel row at the bottom of a dialog form. */
export function FormActions({
  isSaving,
  onCancel,
  saveLabel = 'Lagre',
  savingLabel = 'Lagrer …',
  disabled = false,
  saveTestId,
}: {
  isSaving: boolean;
  onCancel: () => void;
  saveLabel?: string;
  /** What the submit button says while the request runs. */
  savingLabel?: string;
  /** Disables the submit button for another reason than saving (e.g. a required choice not made). */
  disabled?: boolean;
  saveTestId?: string;
}) {
  return (
    <div className="form-actions">
      <button
        type="submit"
        className="button button-primary"
        disabled={isSaving || disabled}
        data-testid={saveTestId}
      >
        {isSaving ? savingLabel : saveLabel}
      </button>
      <button type="button" className="button" onClick={onCancel}>
        Avbryt
      </button>
    </div>
  );
}

/** The "Status: Aktiv" checkbox of the reference-data forms. */
export function ActiveField({ active, onChange }: { active: boolean; onChange: (active: boolean) => void }) {
  return (
    <div className="field">
      <span className="label">Status</span>
      <label className="check-label">
        <input type="checkbox" checked={active} onChange={(event) => onChange(event.target.checked)} /> Aktiv
      </label>
    </div>
  );
}
