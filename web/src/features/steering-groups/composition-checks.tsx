import { Badge, pluralise } from '../../shared/ui.js';
import { countChecks, type CompositionCheck } from './steering-groups-api.js';

/** The composition rules of seed 001 §7.5, as the server evaluated them: errors first, then warnings. */
export function CompositionChecks({ checks }: { checks: readonly CompositionCheck[] }) {
  const { errors, warnings } = countChecks({ checks: [...checks] });
  const sorted = [...checks].sort((a, b) => (a.level === b.level ? 0 : a.level === 'error' ? -1 : 1));
  return (
    <section className="panel" aria-labelledby="checks-heading" data-testid="composition-checks">
      <div className="panel-header">
        <h2 id="checks-heading">Sammensetning</h2>
        <div className="badges">
          {errors > 0 && <Badge tone="error">{errors} feil</Badge>}
          {warnings > 0 && <Badge tone="warning">{pluralise(warnings, 'advarsel', 'advarsler')}</Badge>}
        </div>
      </div>
      {checks.length === 0 ? (
        <p className="check check-ok" data-testid="checks-ok">
          <span aria-hidden="true">✓</span> Sammensetningen oppfyller kravene: én leder, én representant per
          RHF, kompetanse i økonomi, marked og fag, og fullført opplæring.
        </p>
      ) : (
        <ul className="check-list">
          {sorted.map((check, index) => (
            <li
              key={`${check.code}-${index}`}
              className={`check check-${check.level}`}
              data-testid="check-item"
              data-level={check.level}
              data-code={check.code}
            >
              <span className="check-icon" aria-hidden="true">
                {check.level === 'error' ? '✕' : '!'}
              </span>
              <span className="visually-hidden">{check.level === 'error' ? 'Feil: ' : 'Advarsel: '}</span>
              {check.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
