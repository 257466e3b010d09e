// The labelled form field: label, control, hint and the server's message for that field, wired for screen
// readers (the control names its error with aria-describedby). One component per control kind.
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import type { Problem } from './api-client.js';
import { FieldError } from './error-box.js';

interface FieldFrame {
  id: string;
  label: ReactNode;
  /** The server's problem; with `path`, its messages for this field show under the control. */
  problem?: Problem | undefined;
  /** The field's path in the request body, e.g. `validFrom` or `items.0.name`. */
  path?: string;
  /** The id of the message element (default `${id}-error`). */
  errorId?: string;
  /** Extra class on the wrapper, beside `field`. */
  fieldClassName?: string;
  /** Shown under the control, e.g. the format expected. */
  hint?: ReactNode;
}

function describedBy(frame: FieldFrame, explicit: string | undefined): string | undefined {
  if (explicit !== undefined) return explicit;
  return frame.path === undefined ? undefined : (frame.errorId ?? `${frame.id}-error`);
}

function Frame({ frame, children }: { frame: FieldFrame; children: ReactNode }) {
  return (
    <div className={frame.fieldClassName ? `field ${frame.fieldClassName}` : 'field'}>
      <label htmlFor={frame.id}>{frame.label}</label>
      {children}
      {frame.hint !== undefined && <p className="hint">{frame.hint}</p>}
      {frame.path !== undefined && (
        <FieldError problem={frame.problem} path={frame.path} id={frame.errorId ?? `${frame.id}-error`} />
      )}
    </div>
  );
}

function splitFrame<T extends FieldFrame>(props: T) {
  const { id, label, problem, path, errorId, fieldClassName, hint, ...control } = props;
  return { frame: { id, label, problem, path, errorId, fieldClassName, hint }, control };
}

type Controlled = { value: string; onChange: (value: string) => void };

export function TextField(
  props: FieldFrame & Controlled & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'>,
) {
  const { frame, control } = splitFrame(props);
  const { value, onChange, 'aria-describedby': explicit, ...input } = control;
  return (
    <Frame frame={frame}>
      <input
        id={frame.id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy(frame, explicit)}
        {...input}
      />
    </Frame>
  );
}

export function TextAreaField(
  props: FieldFrame &
    Controlled &
    Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'value' | 'onChange'>,
) {
  const { frame, control } = splitFrame(props);
  const { value, onChange, 'aria-describedby': explicit, ...textarea } = control;
  return (
    <Frame frame={frame}>
      <textarea
        id={frame.id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy(frame, explicit)}
        {...textarea}
      />
    </Frame>
  );
}

/** A select's choices: `[value, label]` pairs in order, or a label map (its key order). */
export type SelectOptions = ReadonlyArray<readonly [string, ReactNode]> | Readonly<Record<string, ReactNode>>;

/** `[value, labels[value]]` for each value, in the values' order (e.g. an `…Order` list and its `…Labels`). */
export function labelled<V extends string>(
  values: readonly V[],
  labels: Readonly<Record<V, ReactNode>>,
): Array<readonly [V, ReactNode]> {
  return values.map((value) => [value, labels[value]] as const);
}

type OptionPairs = ReadonlyArray<readonly [string, ReactNode]>;
const isPairList = (options: SelectOptions): options is OptionPairs => Array.isArray(options);
const optionPairs = (options: SelectOptions | undefined): OptionPairs =>
  options === undefined ? [] : isPairList(options) ? options : Object.entries(options);

export function SelectField(
  props: FieldFrame &
    Controlled & {
      /** The choices; `children` (e.g. option groups) come after them. */
      options?: SelectOptions | undefined;
      /** A first choice with the value '' (e.g. «Alle», «Velg …»). */
      empty?: string;
      children?: ReactNode;
    } & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'value' | 'onChange' | 'children'>,
) {
  const { frame, control } = splitFrame(props);
  const { value, onChange, options, empty, children, 'aria-describedby': explicit, ...select } = control;
  const pairs = optionPairs(options);
  return (
    <Frame frame={frame}>
      <select
        id={frame.id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy(frame, explicit)}
        {...select}
      >
        {empty !== undefined && <option value="">{empty}</option>}
        {pairs.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
        {children}
      </select>
    </Frame>
  );
}
