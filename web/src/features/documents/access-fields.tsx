// Offentlighet for ett dokument: status, hjemmel fra den faste listen og skjermede ord i den offentlige
// tittelen (Noark 5 M500–M503, M025). Viser reglenes egne meldinger mens man fyller ut; serveren avgjør.
import {
  checkAccess,
  legalBases,
  publicTitle,
  section14Refusal,
} from '@server/domain/offentleglova.rules.js';
import { accessStatusLabels, type AccessStatus, type LegalBasis } from './access-labels.js';

export interface AccessValue {
  accessStatus: AccessStatus;
  legalBasis: LegalBasis | null;
  /** As typed: one word or phrase per comma or line. */
  shieldedText: string;
}

export const publicAccess: AccessValue = { accessStatus: 'public', legalBasis: null, shieldedText: '' };

export function shieldedWordsOf(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((word) => word.trim())
    .filter(Boolean);
}

/** The body fields the API takes. */
export function accessBody(value: AccessValue) {
  const isPublic = value.accessStatus === 'public';
  return {
    accessStatus: value.accessStatus,
    legalBasis: isPublic ? null : value.legalBasis,
    shieldedWords: isPublic ? [] : shieldedWordsOf(value.shieldedText),
  };
}

const basisOptions = Object.entries(legalBases) as Array<
  [Exclude<LegalBasis, 'offl14'>, (typeof legalBases)[keyof typeof legalBases]]
>;

export function AccessFields({
  idPrefix,
  value,
  onChange,
  title,
}: {
  idPrefix: string;
  value: AccessValue;
  onChange: (value: AccessValue) => void;
  /** The document title, to preview the public title (M025). */
  title: string;
}) {
  const isPublic = value.accessStatus === 'public';
  const problems = isPublic && value.legalBasis === null ? [] : checkAccess(accessBody(value));
  const rule = value.legalBasis && value.legalBasis !== 'offl14' ? legalBases[value.legalBasis] : null;
  return (
    <fieldset className="plain" data-testid="access-fields">
      <legend>Offentlighet (offentleglova)</legend>
      <div className="inline-options" role="radiogroup" aria-label="Offentlighet">
        {(Object.keys(accessStatusLabels) as AccessStatus[]).map((status) => (
          <label key={status} className="check-label">
            <input
              type="radio"
              name={`${idPrefix}-access`}
              value={status}
              checked={value.accessStatus === status}
              onChange={() =>
                onChange({
                  ...value,
                  accessStatus: status,
                  legalBasis: status === 'public' ? null : value.legalBasis,
                })
              }
              data-testid={`access-${status}`}
            />
            {accessStatusLabels[status]}
          </label>
        ))}
      </div>
      <p className="hint">
        Dokumenter er offentlige med mindre et unntak har hjemmel. § 13 og § 23 første ledd unntar bare selve
        opplysningene (delvis unntatt); § 23 tredje ledd unntar tilbud og protokoll til leverandør er valgt.
      </p>
      {!isPublic && (
        <>
          <div className="field">
            <label htmlFor={`${idPrefix}-basis`}>Hjemmel</label>
            <select
              id={`${idPrefix}-basis`}
              value={value.legalBasis ?? ''}
              onChange={(e) =>
                onChange({ ...value, legalBasis: (e.target.value || null) as LegalBasis | null })
              }
              data-testid="legal-basis"
              required
            >
              <option value="">Velg hjemmel …</option>
              {basisOptions.map(([id, basis]) => (
                <option key={id} value={id}>
                  {basis.text} – {basis.label}
                </option>
              ))}
              <optgroup label="Kan ikke brukes for styringsgruppene">
                <option value="offl14">Offl. § 14 – organinterne dokumenter</option>
              </optgroup>
            </select>
            {rule?.endsAt === 'award' && (
              <p className="hint">Unntaket opphører når tildelingen er besluttet (M505).</p>
            )}
            {rule?.durationYears && (
              <p className="hint">Skjermingen varer i {rule.durationYears} år (fvl. § 13 c).</p>
            )}
          </div>
          <div className="field">
            <label htmlFor={`${idPrefix}-shielded`}>Skjermede ord i den offentlige tittelen</label>
            <input
              id={`${idPrefix}-shielded`}
              value={value.shieldedText}
              onChange={(e) => onChange({ ...value, shieldedText: e.target.value })}
              aria-describedby={`${idPrefix}-shielded-hint`}
              data-testid="shielded-words"
            />
            <p className="hint" id={`${idPrefix}-shielded-hint`}>
              For eksempel en leverandørs eller en persons navn; skill flere med komma. Offentlig tittel:{' '}
              <strong data-testid="public-title-preview">
                {title ? publicTitle(title, shieldedWordsOf(value.shieldedText)) : '–'}
              </strong>
            </p>
          </div>
        </>
      )}
      {problems.length > 0 && (
        <div className="alert alert-warning" role="status" data-testid="access-problems">
          <ul>
            {problems.map((problem) => (
              <li key={problem.path + problem.message}>
                {problem.message === section14Refusal ? <strong>{problem.message}</strong> : problem.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </fieldset>
  );
}
