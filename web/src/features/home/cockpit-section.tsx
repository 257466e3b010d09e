// Sekretariatets cockpit for denne og neste uke: faser, saker, møter, referater, tiltak, sammensetning,
// avtaler og innsynskrav som venter.
import { Link } from 'react-router-dom';
import { formatDate } from '../../shared/format.js';
import { type Cockpit } from './home-api.js';
import { Count, Items, Late } from './home-ui.js';

export function CockpitSection({ cockpit, today }: { cockpit: Cockpit; today: string }) {
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
