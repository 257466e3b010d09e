// A form's state in one hook: its text values (bound to the labelled fields of fields.tsx), the problem the
// shared zod contract or the server found, and the sending of it (saving state, a refusal shown, not thrown).
import { useState } from 'react';
import type { ZodType } from 'zod';
import { toDisplayProblem, type Problem } from './api-client.js';
import { validate } from './validate.js';

export interface FormState<V extends Record<string, string>> {
  values: V;
  set: <K extends keyof V>(name: K, value: V[K]) => void;
  /** The props of the field editing `name`: id `${idPrefix}-${name}`, value, onChange, problem and path. */
  field: (name: keyof V & string) => {
    id: string;
    value: string;
    onChange: (value: string) => void;
    problem: Problem | undefined;
    path: string;
  };
  problem: Problem | undefined;
  setProblem: (problem: Problem | undefined) => void;
  isSaving: boolean;
  /**
   * Checks `body` against `schema` when given (the server's own messages, before sending), then runs `send`;
   * a refusal becomes the form's problem. True when it was sent.
   */
  submit: (send: () => Promise<unknown>, check?: { schema: ZodType; body: unknown }) => Promise<boolean>;
}

export function useForm<V extends Record<string, string>>(initial: V, idPrefix: string): FormState<V> {
  const [values, setValues] = useState(initial);
  const [problem, setProblem] = useState<Problem>();
  const [isSaving, setIsSaving] = useState(false);
  const set = <K extends keyof V>(name: K, value: V[K]) =>
    setValues((current) => ({ ...current, [name]: value }));
  return {
    values,
    set,
    field: (name) => ({
      id: `${idPrefix}-${name}`,
      value: values[name] ?? '',
      onChange: (value: string) => set(name, value as V[typeof name]),
      problem,
      path: name,
    }),
    problem,
    setProblem,
    isSaving,
    submit: async (send, check) => {
      const invalid = check && validate(check.schema, check.body);
      if (invalid) {
        setProblem(invalid);
        return false;
      }
      setIsSaving(true);
      setProblem(undefined);
      try {
        await send();
        return true;
      } catch (error) {
        setProblem(toDisplayProblem(error));
        return false;
      } finally {
        setIsSaving(false);
      }
    },
  };
}
