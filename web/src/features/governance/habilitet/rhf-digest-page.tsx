// `/habilitet/ukesoversikt`: the RHF contact's weekly digest, live (seed 001 §7 "Kontaktperson RHF"): status of
// the region's planned and ad-hoc procurements, risk changes, important and high-risk ones, open cases and what
// awaits the RHF's answer. The same digest goes out by e-mail once a week.
import { Link } from 'react-router-dom';
import { awaitingLabels, caseStatusLabels } from '@server/domain/rhf-information.rules.js';
import { caseGateLabels } from '@server/domain/governance-bodies.rules.js';
import { ErrorBox } from '../../../shared/error-box.js';
import { formatDate } from '../../../shared/format.js';
import { statusLabels } from '../../../shared/labels.js';
import { Badge, Loading, PageHeader } from '../../../shared/ui.js';
import { useApi } from '../../../shared/use-api.js';
import { rhfDigestPath, type RhfDigest, type RhfDigestView } from './habilitet-api.js';

type Procurement = RhfDigest['planned'][number];

export function RhfDigestPage() {
  const loaded = useApi<RhfDigestView>(rhfDigestPath);
  return (
    <div data-testid="rhf-digest-page">
      <PageHeader
        title="Ukesoversikt for RHF"
        lead="Status på planlagte og ad hoc-anskaffelser, risikovurderingen, viktige saker og saker med høy risiko, og det som venter på svar fra RHF-et. Oversikten sendes også på e-post hver uke."
      />
      <ErrorBox problem={loaded.problem} />
      {loaded.problem ? null : !loaded.data ? (
        <Loading />
      ) : (
        <>
          <p className="muted">
            Uke {loaded.data.week}
            {loaded.data.lastSent
              ? ` · sist sendt på e-post ${formatDate(loaded.data.lastSent.sentOn)} (${loaded.data.lastSent.isoWeek})`
              : ' · ikke sendt på e-post ennå'}
          </p>
          {loaded.data.digests.map((digest) => (
            <Digest key={digest.rhfId} digest={digest} />
          ))}
        </>
      )}
    </div>
  );
}

function ProcurementList({ items, empty }: { items: Procurement[]; empty: string }) {
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="plain-list">
      {items.map((p) => (
        <li key={p.id}>
          <Link to={`/anskaffelser/${p.id}`}>{p.name}</Link> – {statusLabels[p.status]}
          {p.riskProfile && (
            <>
              {' '}
              <Badge tone={p.riskProfile === 'høy' ? 'error' : 'neutral'}>risiko {p.riskProfile}</Badge>
            </>
          )}
          {p.significance && <span className="subtle"> · strategisk betydning {p.significance}</span>}
        </li>
      ))}
    </ul>
  );
}

function Digest({ digest }: { digest: RhfDigest }) {
  return (
    <section className="panel" aria-labelledby={`digest-${digest.rhfId}`} data-testid="rhf-digest">
      <h2 id={`digest-${digest.rhfId}`}>{digest.rhfName}</h2>
      <h3>Venter på svar fra {digest.rhfName}</h3>
      {digest.awaiting.length === 0 ? (
        <p className="muted">Ingenting venter på svar fra dere.</p>
      ) : (
        <ul className="plain-list" data-testid="digest-awaiting">
          {digest.awaiting.map((item) => (
            <li key={`${item.kind}-${item.link}-${item.title}`}>
              {awaitingLabels[item.kind]}: <Link to={item.link}>{item.title}</Link>
            </li>
          ))}
        </ul>
      )}
      <h3>Viktige saker og saker med høy risiko</h3>
      <ProcurementList
        items={digest.highRisk}
        empty="Ingen anskaffelser med høy risiko eller høy betydning."
      />
      <h3>Åpne saker</h3>
      {digest.openCases.length === 0 ? (
        <p className="muted">Ingen åpne saker.</p>
      ) : (
        <ul className="plain-list">
          {digest.openCases.map((c) => (
            <li key={c.id}>
              <Link to={`/saker/${c.id}`}>{c.title}</Link>{' '}
              <span className="subtle">
                {c.procurementName ?? 'Uten anskaffelse'} · {caseGateLabels[c.gate]} ·{' '}
                {caseStatusLabels[c.status] ?? c.status}
              </span>
            </li>
          ))}
        </ul>
      )}
      <h3>
        Endringer i risikovurderingen{' '}
        {digest.since ? `siden ukesoversikten ${digest.since}` : '(første ukesoversikt)'}
      </h3>
      {digest.riskChanges.length === 0 ? (
        <p className="muted">Ingen endringer.</p>
      ) : (
        <ul className="plain-list">
          {digest.riskChanges.map((change) => (
            <li key={change.procurementId}>
              <Link to={`/anskaffelser/${change.procurementId}`}>{change.procurementName}</Link>:{' '}
              {change.from ?? 'ikke vurdert'} → <strong>{change.to}</strong>
            </li>
          ))}
        </ul>
      )}
      <h3>Planlagte anskaffelser (anskaffelsesplanen)</h3>
      <ProcurementList items={digest.planned} empty="Ingen planlagte anskaffelser i årets plan." />
      <h3>Ad hoc-anskaffelser</h3>
      <ProcurementList items={digest.adHoc} empty="Ingen ad hoc-anskaffelser." />
    </section>
  );
}
