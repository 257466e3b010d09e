// `/regional-modell/:regionCode`: a region's own governance model (seed 000) — its bodies with kind, secretariat,
// members and the HF each represents, mandates and escalation chain — and the configuration's versions.
import { Link, useParams } from 'react-router-dom';
import { decisionTypeLabels, governanceBodyKindLabels } from '@server/domain/governance-bodies.rules.js';
import { ErrorBox } from '../../shared/error-box.js';
import { formatTimestamp } from '../../shared/format.js';
import { Loading, PageHeader } from '../../shared/ui.js';
import { useApi } from '../../shared/use-api.js';
import { modelPath, type ModelView } from './governance-bodies-api.js';

export function GovernanceModelPage() {
  const { regionCode = 'HN' } = useParams();
  const model = useApi<ModelView>(modelPath(regionCode));
  if (model.problem) return <ErrorBox problem={model.problem} />;
  if (!model.data) return <Loading />;
  const view = model.data;
  return (
    <div data-testid="governance-model-page" data-busy={model.isLoading ? 'true' : 'false'}>
      <PageHeader
        title={`Styringsmodell for innkjøp i ${view.region.name}`}
        lead="Organene i regionens egen styringsmodell, med medlemmer og helseforetaket de representerer, mandat og eskaleringsvei. Lokale anskaffelser er utenfor modellen; regionale anskaffelser styres av den."
      />
      <p className="muted">
        Versjon {view.version}
        {view.note ? ` – ${view.note}` : ''} ({view.createdBy}
        {view.createdAt ? `, ${formatTimestamp(view.createdAt)}` : ''})
      </p>
      {view.bodies.map((body) => (
        <section
          key={body.id}
          className="panel"
          aria-labelledby={`body-${body.code}`}
          data-testid="model-body"
        >
          <h2 id={`body-${body.code}`}>
            <Link to={`/styringsgrupper/${body.id}`}>{body.name}</Link>{' '}
            <span className="muted">({governanceBodyKindLabels[body.kind]})</span>
          </h2>
          {body.description && <p>{body.description}</p>}
          <dl className="facts">
            <dt>Sekretariat</dt>
            <dd>{body.secretariat?.name ?? '–'}</dd>
            <dt>Eskaleres til</dt>
            <dd data-testid="escalation-chain">
              {body.escalationChain.length > 0 ? body.escalationChain.map((b) => b.name).join(' → ') : '–'}
            </dd>
          </dl>
          <h3 className="h-small">Mandat</h3>
          <ul className="plain-list">
            {body.mandates.map((mandate) => (
              <li key={mandate}>{decisionTypeLabels[mandate]}</li>
            ))}
          </ul>
          <h3 className="h-small">Medlemmer</h3>
          {body.members.length === 0 ? (
            <p className="muted">Ingen medlemmer oppnevnt (prosjektgrupper oppnevnes per anskaffelse).</p>
          ) : (
            <ul className="plain-list" data-testid="model-members">
              {body.members.map((member) => (
                <li key={member.id}>
                  {member.personName}
                  {member.isLeader ? ' (leder)' : ''} – {member.representsName ?? view.region.name}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
      <section className="panel" aria-labelledby="model-history">
        <h2 id="model-history">Versjoner av konfigurasjonen</h2>
        <ul className="plain-list">
          {view.history.map((entry) => (
            <li key={entry.version}>
              Versjon {entry.version}: {entry.bodyCount} organer – {entry.note ?? 'uten merknad'} (
              {entry.createdBy}, {formatTimestamp(entry.createdAt)})
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
