// The HF purchasing manager's home (per HF) and the read-only home: agreements ending, the HF's agreement
// coverage (from the spend analysis), implementation plans, the anskaffelsesplan items, and what to read.
import { Link } from 'react-router-dom';
import { withQuery } from '../../shared/api-client.js';
import { formatDate, formatNok } from '../../shared/format.js';
import { caseStatusLabels } from '../../shared/labels.js';
import { Badge } from '../../shared/ui.js';
import { useApi } from '../../shared/use-api.js';
import { scopeLabels } from '../agreements/agreements-api.js';
import { annualPlanStatusLabels } from '../annual-plan/annual-plan-api.js';
import type { KpiSummary } from '../spend/spend-api.js';
import type { MyHome } from './home-api.js';
import { Count, Items } from './home-ui.js';

type HfHome = MyHome['hfPurchasing'][number];
type ReaderHome = NonNullable<MyHome['reader']>;

const percent = (share: number) =>
  `${(share * 100).toLocaleString('nb-NO', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`;

/** The HF's agreement coverage from the spend analysis (EHF invoices), with the strategy's target. */
function Coverage({ hfCode }: { hfCode: string }) {
  const summary = useApi<KpiSummary>(withQuery('/api/spend/kpis', { hf: hfCode }));
  const coverage = summary.data?.measures.coverage ?? null;
  return (
    <p data-testid="hf-coverage">
      Avtaledekning:{' '}
      {summary.problem ? (
        <span className="muted">ikke tilgjengelig</span>
      ) : !summary.data ? (
        <span className="muted">laster …</span>
      ) : coverage === null ? (
        <span className="muted">ingen fakturadata ennå</span>
      ) : (
        <>
          <strong data-testid="hf-coverage-value">{percent(coverage)}</strong>{' '}
          <Badge tone={coverage >= summary.data.coverageTarget ? 'ok' : 'warning'}>
            mål {percent(summary.data.coverageTarget)}
          </Badge>
        </>
      )}{' '}
      · <Link to={`/forbruk?hf=${encodeURIComponent(hfCode)}`}>Forbruksanalysen for helseforetaket</Link> ·{' '}
      <Link to="/nokkelindikatorer">Nøkkelindikatorer</Link>
    </p>
  );
}

export function HfSection({ home }: { home: HfHome }) {
  const unreplaced = home.agreementsEnding.filter((a) => !a.replacementPlanned);
  const openPlans = home.implementationPlans.filter((p) => p.done < p.items);
  return (
    <section className="panel panel-accent" aria-labelledby={`home-hf-${home.hfId}`} data-testid="home-hf">
      <h2 id={`home-hf-${home.hfId}`}>Som innkjøpsleder for {home.hfName}</h2>
      <div className="stat-grid">
        <Count
          id="avtaler-utloper"
          value={home.agreementsEnding.length}
          label="Avtaler som utløper innen ett år"
        />
        <Count
          id="avtaler-uten-erstatning"
          value={unreplaced.length}
          label="Av dem uten ny anskaffelse"
          tone="error"
        />
        <Count
          id="implementeringsplaner"
          value={openPlans.length}
          label="Implementeringsplaner som ikke er ferdige"
          tone={home.implementationPlans.some((p) => p.late > 0) ? 'error' : undefined}
        />
        <Count
          id="planlagte-anskaffelser"
          value={home.annualPlanItems.length}
          label="Anskaffelser i anskaffelsesplanen med helseforetaket"
        />
      </div>
      <Coverage hfCode={home.hfCode} />
      <Items
        id="avtaler-utloper"
        title="Avtaler som utløper innen ett år"
        items={home.agreementsEnding}
        empty="Ingen av helseforetakets avtaler utløper det neste året."
        render={(a) => (
          <div data-testid="ending-agreement" data-number={a.agreementNumber}>
            <Link to={`/avtaler/${a.id}`}>
              {a.agreementNumber} {a.name}
            </Link>{' '}
            {a.replacementPlanned ? (
              <Badge tone="info">Ny anskaffelse planlagt</Badge>
            ) : (
              <Badge tone="error">Ingen ny anskaffelse</Badge>
            )}
            <span className="subtle">
              {scopeLabels[a.scope]} · {a.supplierName} · utløper {formatDate(a.validTo)} (om {a.daysLeft}{' '}
              dager)
            </span>
          </div>
        )}
      />
      <Items
        id="implementeringsplaner"
        title="Implementeringsplaner for helseforetaket"
        items={home.implementationPlans}
        empty="Helseforetaket har ingen implementeringsplaner."
        render={(p) => (
          <div data-testid="hf-plan">
            <Link to="/implementeringsplaner">
              {p.agreementNumber} {p.agreementName}
            </Link>{' '}
            {p.late > 0 ? (
              <Badge tone="error">{p.late} forsinket</Badge>
            ) : (
              <Badge tone={p.done === p.items ? 'ok' : 'neutral'}>
                {p.done} av {p.items} ferdig
              </Badge>
            )}
            <span className="subtle">
              frist {formatDate(p.dueDate)}
              {p.responsibleName ? ` · ansvarlig ${p.responsibleName}` : ''}
            </span>
          </div>
        )}
      />
      <Items
        id="planlagte-anskaffelser"
        title="Anskaffelsesplanen: anskaffelser helseforetaket deltar i"
        items={home.annualPlanItems}
        empty="Helseforetaket deltar ikke i noen anskaffelse i årets anskaffelsesplan."
        render={(item) => (
          <>
            <Link to={`/anskaffelser/${item.procurementId}`}>{item.procurementName}</Link>
            <span className="subtle">
              <Link to={`/anskaffelsesplan/${item.year}`}>Anskaffelsesplan {item.year}</Link> ·{' '}
              {annualPlanStatusLabels[item.planStatus as keyof typeof annualPlanStatusLabels] ??
                item.planStatus}{' '}
              · foreløpig betydning {item.initialSignificance}
              {item.gainEstimateNok ? ` · gevinstanslag ${formatNok(item.gainEstimateNok)}` : ''}
            </span>
          </>
        )}
      />
    </section>
  );
}

const reading: Array<[path: string, label: string, what: string]> = [
  ['/rapporter', 'Porteføljerapporten', 'status, faser og forsinkelser for alle anskaffelser'],
  ['/nokkelindikatorer', 'Nøkkelindikatorer', 'mål og resultater'],
  ['/forbruk', 'Forbruksanalysen', 'avtaledekning og lekkasje fra EHF-fakturaene'],
  ['/avtaler', 'Avtaleregisteret', 'avtalene og når de utløper'],
  ['/anskaffelsesplan', 'Anskaffelsesplanen', 'årets planlagte anskaffelser'],
];

export function ReaderSection({ home }: { home: ReaderHome }) {
  return (
    <section className="panel panel-accent" aria-labelledby="home-reader" data-testid="home-reader">
      <h2 id="home-reader">Med lesetilgang</h2>
      <div className="stat-grid">
        <Count id="siste-vedtak" value={home.recentDecisions.length} label="Vedtak siden sist" />
        <Count id="rapporter" value={reading.length} label="Rapporter og oversikter" />
      </div>
      <Items
        id="siste-vedtak"
        title={`Vedtak i styringsgruppene siden ${formatDate(home.since)}`}
        items={home.recentDecisions}
        empty="Ingen nye vedtak siden sist."
        render={(d) => (
          <>
            <Link to={`/saker/${d.caseId}`}>
              {d.decisionNumber} {d.title}
            </Link>{' '}
            <Badge tone="neutral">{caseStatusLabels[d.status]}</Badge>
            <span className="subtle">
              {d.procurementName ?? 'Uten anskaffelse'} · {d.steeringGroupName} · {formatDate(d.decidedOn)}
            </span>
          </>
        )}
      />
      <Items
        id="rapporter"
        title="Rapporter og oversikter"
        items={reading}
        empty=""
        render={([path, label, what]) => (
          <>
            <Link to={path}>{label}</Link>
            <span className="subtle">{what}</span>
          </>
        )}
      />
    </section>
  );
}
