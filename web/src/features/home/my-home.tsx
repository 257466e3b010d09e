// "Mine oppgaver": what is waiting for me, by the roles I hold. The server decides which sections I get.
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { ErrorBox } from '../../shared/error-box.js';
import { formatDate } from '../../shared/format.js';
import {
  caseKindLabels,
  caseStatusLabels,
  gateLabels,
  statusLabels,
  statusOrder,
} from '../../shared/labels.js';
import { Badge, Loading } from '../../shared/ui.js';
import { useApi } from '../../shared/use-api.js';
import {
  myHomePath,
  type Cockpit,
  type MemberHome,
  type MyHome as MyHomeDto,
  type ProcurementLeadHome,
  type RhfContactHome,
} from './home-api.js';

/** A count that jumps to its list below; red when something is overdue or wrong. */
function Count({
  id,
  value,
  label,
  tone,
}: {
  id: string;
  value: number;
  label: string;
  tone?: 'error' | 'warning';
}) {
  const className = `stat-card${value > 0 && tone ? ` stat-card-${tone}` : ''}`;
  return (
    <a href={`#${id}`} className={className} data-testid={`count-${id}`}>
      <span className="stat-value">{value}</span>
      <span className="stat-label">{label}</span>
    </a>
  );
}

/** One list of a home, with its heading as the anchor of its count; says so when it is empty. */
function Items<T>({
  id,
  title,
  items,
  empty,
  render,
}: {
  id: string;
  title: string;
  items: readonly T[];
  empty: string;
  render: (item: T) => ReactNode;
}) {
  return (
    <div className="home-list" data-testid={`list-${id}`}>
      <h3 id={id}>
        {title} <Badge tone={items.length > 0 ? 'info' : 'neutral'}>{items.length}</Badge>
      </h3>
      {items.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="link-list">
          {items.map((item, index) => (
            <li key={index}>{render(item)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Late({ late, children }: { late: boolean; children: ReactNode }) {
  return late ? <Badge tone="error">{children}</Badge> : <span className="subtle">{children}</span>;
}

function MemberSection({ home }: { home: MemberHome }) {
  return (
    <section className="panel panel-accent" aria-labelledby="home-member" data-testid="home-member">
      <h2 id="home-member">Som styringsgruppemedlem</h2>
      <div className="stat-grid">
        <Count
          id="venter-stemme"
          value={home.awaitingVote.length}
          label="Saker som venter på min stemme"
          tone="warning"
        />
        <Count id="neste-moter" value={home.nextMeetings.length} label="Neste møter" />
        <Count
          id="mine-oppfolgingspunkter"
          value={home.myActions.length}
          label="Mine oppfølgingspunkter"
          tone={home.myActions.some((action) => action.overdue) ? 'error' : undefined}
        />
        <Count id="nye-vedtak" value={home.decisionsSinceLastVisit.length} label="Vedtak siden sist" />
      </div>
      <Items
        id="venter-stemme"
        title="Saker som venter på min stemme"
        items={home.awaitingVote}
        empty="Ingen saker venter på din stemme."
        render={(c) => (
          <div data-testid="my-case" data-case-id={c.id}>
            <Link to={`/saker/${c.id}`}>{c.title}</Link>
            <span className="subtle">
              {c.procurementName} · {gateLabels[c.gate]} · {caseKindLabels[c.kind]} · {c.steeringGroupName} ·
              fremmet {formatDate(c.submittedAt)}
            </span>
          </div>
        )}
      />
      <Items
        id="neste-moter"
        title="Neste møter"
        items={home.nextMeetings}
        empty="Ingen møter er planlagt i gruppene dine."
        render={(m) => (
          <>
            <Link to={`/moter/${m.id}`}>
              {m.title}, {formatDate(m.date)}
            </Link>
            <span className="subtle">
              {m.steeringGroupName} · {m.agendaItems} saker på sakslisten · {m.papers} dokumenter
              {m.invited ? ' · innkalling sendt' : ''}
            </span>
          </>
        )}
      />
      <Items
        id="mine-oppfolgingspunkter"
        title="Mine oppfølgingspunkter"
        items={home.myActions}
        empty="Du har ingen åpne oppfølgingspunkter."
        render={(a) => (
          <>
            <Link to={`/styringsgrupper/${a.steeringGroupId}/arbeidsrom`}>{a.title}</Link>{' '}
            <Late late={a.overdue}>frist {formatDate(a.dueDate)}</Late>
            <span className="subtle">{a.steeringGroupName}</span>
          </>
        )}
      />
      <Items
        id="nye-vedtak"
        title={`Vedtak i gruppene mine siden ${formatDate(home.since)}`}
        items={home.decisionsSinceLastVisit}
        empty="Ingen nye vedtak siden sist."
        render={(d) => (
          <>
            <Link to={`/saker/${d.caseId}`}>
              {d.decisionNumber} {d.title}
            </Link>
            <span className="subtle">
              {d.procurementName} · {d.steeringGroupName} · {formatDate(d.decidedOn)}
            </span>
          </>
        )}
      />
    </section>
  );
}

function LeadSection({ home }: { home: ProcurementLeadHome }) {
  const late = home.procurements.filter((p) => p.nextGate?.late);
  return (
    <section className="panel panel-accent" aria-labelledby="home-lead" data-testid="home-lead">
      <h2 id="home-lead">Som leder anskaffelse</h2>
      <div className="stat-grid">
        <Count id="mine-anskaffelser" value={home.procurements.length} label="Mine anskaffelser" />
        <Count
          id="forsinkede-porter"
          value={late.length}
          label="Neste beslutningspunkt passert planlagt dato"
          tone="error"
        />
        <Count id="mine-saker" value={home.myCases.length} label="Saker jeg har fremmet" />
      </div>
      <Items
        id="mine-anskaffelser"
        title="Mine anskaffelser og neste beslutningspunkt"
        items={home.procurements}
        empty="Du leder ingen anskaffelser."
        render={(p) => (
          <>
            <Link to={`/anskaffelser/${p.id}`}>{p.name}</Link>{' '}
            <Badge tone="neutral">{statusLabels[p.status]}</Badge>
            <span className="subtle">
              {!p.inModel
                ? 'Utenfor styringsmodellen'
                : p.nextGate
                  ? `${p.nextGate.label}: ${p.nextGate.involvementLabel.toLocaleLowerCase('nb')}${p.nextGate.blockingReason ? ` · ${p.nextGate.blockingReason}` : ''}`
                  : 'Alle beslutningspunkter er passert'}
            </span>
            {p.nextGate?.plannedOn && (
              <Late late={p.nextGate.late}>
                {p.nextGate.late ? 'forsinket, planlagt' : 'planlagt'} {formatDate(p.nextGate.plannedOn)}
              </Late>
            )}
          </>
        )}
      />
      <Items
        id="mine-saker"
        title="Saker jeg har fremmet"
        items={home.myCases}
        empty="Du har ikke fremmet noen saker."
        render={(c) => (
          <>
            <Link to={`/saker/${c.id}`}>{c.title}</Link>{' '}
            <Badge tone="neutral">{caseStatusLabels[c.status]}</Badge>
            <span className="subtle">
              {c.procurementName} · {gateLabels[c.gate]} · {c.steeringGroupName} · fremmet{' '}
              {formatDate(c.submittedAt)}
            </span>
          </>
        )}
      />
    </section>
  );
}

function RhfSection({ home }: { home: RhfContactHome }) {
  return (
    <section className="panel panel-accent" aria-labelledby={`home-rhf-${home.rhfId}`} data-testid="home-rhf">
      <h2 id={`home-rhf-${home.rhfId}`}>Som kontaktperson for {home.rhfName}</h2>
      <div className="stat-grid">
        <Count id="regionens-anskaffelser" value={home.procurementCount} label="Anskaffelser med regionen" />
        <Count id="hoy-risiko" value={home.highRisk.length} label="Høy risiko" tone="warning" />
        <Count id="hoy-betydning" value={home.highSignificance.length} label="Høy strategisk betydning" />
        <Count
          id="venter-svar"
          value={home.awaitingOurAnswer.length}
          label="Saker som venter på vårt svar"
          tone="error"
        />
        <Count
          id="venter-innspill"
          value={home.annualPlanItemsAwaitingFeedback.length}
          label="Planlagte anskaffelser som venter på vårt innspill"
          tone="warning"
        />
        <Count
          id="mangler-opplaering"
          value={home.membersWithoutTraining.length}
          label="Medlemmer uten gjennomført opplæring"
          tone="warning"
        />
      </div>
      <p data-testid="rhf-by-status">
        {statusOrder
          .filter((status) => (home.byStatus[status] ?? 0) > 0)
          .map((status) => `${statusLabels[status]}: ${home.byStatus[status]}`)
          .join(' · ')}
      </p>
      <Items
        id="hoy-risiko"
        title="Høy risiko"
        items={home.highRisk}
        empty="Ingen av regionens anskaffelser har høy risiko."
        render={(p) => <Link to={`/anskaffelser/${p.id}`}>{p.name}</Link>}
      />
      <Items
        id="hoy-betydning"
        title="Høy strategisk betydning"
        items={home.highSignificance}
        empty="Ingen av regionens anskaffelser har høy strategisk betydning."
        render={(p) => <Link to={`/anskaffelser/${p.id}`}>{p.name}</Link>}
      />
      <Items
        id="venter-svar"
        title="Eskalerte saker som venter på vårt svar"
        items={home.awaitingOurAnswer}
        empty="Ingen eskalerte saker venter på svar fra dere."
        render={(c) => (
          <>
            <Link to={`/saker/${c.id}`}>{c.title}</Link>
            <span className="subtle">
              {c.procurementName} · {c.steeringGroupName} · eskalert {formatDate(c.escalatedAt)}
            </span>
          </>
        )}
      />
      <Items
        id="venter-innspill"
        title="Anskaffelsesplan: venter på vårt innspill"
        items={home.annualPlanItemsAwaitingFeedback}
        empty="Ingen anskaffelsesplan venter på innspill fra dere."
        render={(item) => (
          <>
            <Link to={`/anskaffelsesplan/${item.year}`}>{item.procurementName}</Link>
            <span className="subtle">Anskaffelsesplan {item.year}</span>
          </>
        )}
      />
      <Items
        id="mangler-opplaering"
        title="Medlemmer uten gjennomført opplæring"
        items={home.membersWithoutTraining}
        empty="Alle regionens medlemmer har gjennomført opplæringen."
        render={(m) => (
          <>
            {m.personName} · <Link to={`/styringsgrupper/${m.steeringGroupId}`}>{m.steeringGroupName}</Link>
          </>
        )}
      />
    </section>
  );
}

function CockpitSection({ cockpit, today }: { cockpit: Cockpit; today: string }) {
  const meeting = (m: { id: string; title: string; date: string; steeringGroupName: string }) => (
    <>
      <Link to={`/moter/${m.id}`}>
        {m.title}, {formatDate(m.date)}
      </Link>
      <span className="subtle">{m.steeringGroupName}</span>
    </>
  );
  return (
    <section className="panel panel-accent" aria-labelledby="home-cockpit" data-testid="home-cockpit">
      <h2 id="home-cockpit">
        Sekretariatets oversikt, {formatDate(cockpit.weekStart)}–{formatDate(cockpit.horizonEnd)}
      </h2>
      <p className="subtle">
        Denne og neste uke, og det som allerede er forfalt (i dag {formatDate(today)}).
      </p>
      <div className="stat-grid">
        <Count
          id="porter-forfaller"
          value={cockpit.gatesDue.length}
          label="Beslutningspunkter som forfaller"
          tone="warning"
        />
        <Count
          id="saker-venter"
          value={cockpit.casesWaitingForVotes.length}
          label={`Saker åpne i mer enn ${cockpit.casesWaitingDays} dager`}
          tone="warning"
        />
        <Count
          id="innkalling"
          value={cockpit.meetingsNeedingInvitation.length}
          label="Møter som trenger innkalling"
          tone="warning"
        />
        <Count
          id="mangler-referat"
          value={cockpit.meetingsNeedingMinutes.length}
          label="Møter uten referat"
          tone="warning"
        />
        <Count
          id="referat-godkjenning"
          value={cockpit.minutesAwaitingApproval.length}
          label="Referater til godkjenning"
        />
        <Count
          id="forfalte-tiltak"
          value={cockpit.overdueActions.length}
          label="Forfalte oppfølgingspunkter"
          tone="error"
        />
        <Count
          id="sammensetning"
          value={cockpit.compositionErrors.length}
          label="Grupper med feil i sammensetningen"
          tone="error"
        />
        <Count
          id="avtaler-utloper"
          value={cockpit.agreementsEndingWithoutReplacement.length}
          label="Avtaler som utløper uten erstatning"
          tone="warning"
        />
        <Count
          id="innsynskrav"
          value={cockpit.accessRequestsNearDeadline.length}
          label="Innsynskrav med nær frist"
          tone="warning"
        />
      </div>
      <div className="home-columns">
        <Items
          id="porter-forfaller"
          title="Beslutningspunkter som forfaller"
          items={cockpit.gatesDue}
          empty="Ingen beslutningspunkter forfaller."
          render={(g) => (
            <>
              <Link to={`/anskaffelser/${g.procurementId}`}>{g.procurementName}</Link> · {g.gateLabel}{' '}
              <Late late={g.overdue}>planlagt {formatDate(g.plannedOn)}</Late>
            </>
          )}
        />
        <Items
          id="saker-venter"
          title={`Saker åpne i mer enn ${cockpit.casesWaitingDays} dager`}
          items={cockpit.casesWaitingForVotes}
          empty="Ingen saker har ventet lenge på stemmer."
          render={(c) => (
            <>
              <Link to={`/saker/${c.id}`}>{c.title}</Link>
              <span className="subtle">
                {c.steeringGroupName} · fremmet {formatDate(c.submittedOn)} · {c.votes} stemmer
              </span>
            </>
          )}
        />
        <Items
          id="innkalling"
          title="Møter som trenger innkalling"
          items={cockpit.meetingsNeedingInvitation}
          empty="Ingen innkallinger forfaller."
          render={meeting}
        />
        <Items
          id="mangler-referat"
          title="Møter uten referat"
          items={cockpit.meetingsNeedingMinutes}
          empty="Alle avholdte møter har referat."
          render={meeting}
        />
        <Items
          id="referat-godkjenning"
          title="Referater til godkjenning"
          items={cockpit.minutesAwaitingApproval}
          empty="Ingen referater venter på godkjenning."
          render={meeting}
        />
        <Items
          id="forfalte-tiltak"
          title="Forfalte oppfølgingspunkter"
          items={cockpit.overdueActions}
          empty="Ingen oppfølgingspunkter er forfalt."
          render={(a) => (
            <>
              <Link to="/oppfolging">{a.title}</Link> <Late late>frist {formatDate(a.dueDate)}</Late>
              <span className="subtle">
                {a.ownerName} · {a.steeringGroupName}
              </span>
            </>
          )}
        />
        <Items
          id="sammensetning"
          title="Grupper med feil i sammensetningen"
          items={cockpit.compositionErrors}
          empty="Ingen styringsgrupper har feil i sammensetningen."
          render={(g) => (
            <>
              <Link to={`/styringsgrupper/${g.steeringGroupId}`}>{g.steeringGroupName}</Link>
              <span className="subtle">{g.message}</span>
            </>
          )}
        />
        <Items
          id="avtaler-utloper"
          title="Avtaler som utløper uten erstatning"
          items={cockpit.agreementsEndingWithoutReplacement}
          empty="Ingen avtaler utløper uten en planlagt erstatning."
          render={(a) => (
            <>
              <Link to={`/avtaler/${a.id}`}>
                {a.agreementNumber} {a.name}
              </Link>
              <span className="subtle">
                utløper {formatDate(a.validTo)} (om {a.daysLeft} dager)
              </span>
            </>
          )}
        />
        <Items
          id="innsynskrav"
          title="Innsynskrav med nær frist"
          items={cockpit.accessRequestsNearDeadline}
          empty="Ingen innsynskrav har nær frist."
          render={(r) => (
            <>
              <Link to={`/innsynskrav/${r.id}`}>Innsynskrav {r.number}</Link> · mottatt{' '}
              {formatDate(r.receivedOn)} <Late late={r.overdue}>frist {formatDate(r.dueOn)}</Late>
            </>
          )}
        />
      </div>
    </section>
  );
}

/** The role homes; nothing when the user holds none of the roles with a home (e.g. read-only). */
export function MyHome() {
  const home = useApi<MyHomeDto>(myHomePath);
  if (home.problem) return <ErrorBox problem={home.problem} />;
  if (!home.data) return <Loading />;
  const { member, procurementLead, rhfContact, cockpit, today } = home.data;
  return (
    <div data-testid="my-home">
      {cockpit && <CockpitSection cockpit={cockpit} today={today} />}
      {member && <MemberSection home={member} />}
      {procurementLead && <LeadSection home={procurementLead} />}
      {rhfContact.map((region) => (
        <RhfSection key={region.rhfId} home={region} />
      ))}
    </div>
  );
}
