// A body case's own fields: the decision type within the body's mandate (when the case goes to a body), the
// title and the case text. Ids `${idPrefix}-decision-type`, `-title` and `-text`.
import { decisionTypeLabels, type DecisionType } from '@server/domain/governance-bodies.rules.js';
import type { Problem } from '../../shared/api-client.js';
import { labelled, SelectField, TextAreaField, TextField } from '../../shared/fields.js';

type Text = { value: string; onChange: (value: string) => void };

export function CaseTextFields({
  idPrefix,
  problem,
  mandates,
  decisionType,
  title,
  text,
}: {
  idPrefix: string;
  problem: Problem | undefined;
  /** The body's mandate; without it (a gate's case) there is no decision type to choose. */
  mandates?: readonly DecisionType[] | undefined;
  decisionType: Text;
  title: Text;
  text: Text;
}) {
  return (
    <>
      {mandates && (
        <SelectField
          id={`${idPrefix}-decision-type`}
          label="Beslutningstype i mandatet"
          {...decisionType}
          problem={problem}
          path="decisionType"
          empty="Velg"
          options={labelled(mandates, decisionTypeLabels)}
        />
      )}
      <TextField id={`${idPrefix}-title`} label="Tittel" {...title} problem={problem} path="title" />
      <TextAreaField
        id={`${idPrefix}-text`}
        label="Saksframstilling"
        rows={4}
        {...text}
        problem={problem}
        path="text"
      />
    </>
  );
}
