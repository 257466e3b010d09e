// "Mine oppgaver": what is waiting for me, by the roles I hold. The server decides which sections I get.
import { Link } from 'react-router-dom';
import { ErrorBox } from '../../shared/error-box.js';
import { formatDate } from '../../shared/format.js';
import {
  caseKindLabels,
  caseStatusLabels,
  caseGateLabels,
  statusLabels,
  statusOrder,
} from '../../shared/labels.js';
import { Badge, Loading } from '../../shared/ui.js';
import { useApi } from '../../shared/use-api.js';
import {
  myHomePath,
  type MemberHome,
  type MyHome as MyHomeDto,
  type ProcurementLeadHome,
  type RhfContactHome,
} from './home-api.js';
import { CockpitSection } from './cockpit-section.js';
import { AppointmentCheckItems, habilitetCount, MemberHabilitetItems } from './habilitet-items.js';
import { HfSection, ReaderSection } from './hf-sections.js';
import { Count, Items, Late } from './home-ui.js';

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
        <Count
          id="habilitet"
          value={habilitetCount(home.habilitet)}
          label="Habilitet å følge opp"
          tone={home.habilitet.declaration.status === 'overdue' ? 'error' : 'warning'}
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
              {c.procurementName ?? 'Uten anskaffelse'} · {caseGateLabels[c.gate]} · {caseKindLabels[c.kind]}{' '}
              · {c.steeringGroupName} · fremmet {formatDate(c.submittedAt)}
            </span>
          </div>
        )}
      />
      <MemberHabilitetItems habilitet={home.habilitet} />
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
              {d.procurementName ?? 'Uten anskaffelse'} · {d.steeringGroupName} · {formatDate(d.decidedOn)}
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
              {c.procurementName ?? 'Uten anskaffelse'} · {caseGateLabels[c.gate]} · {c.steeringGroupName} ·
              fremmet {formatDate(c.submittedAt)}
            </span>
          </>
        )}
      />
    </section>
  );
}

function RhfSection({ home, reload }: { home: RhfContactHome; reload: () => void }) {
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
        <Count
          id="mangler-habilitetssjekk"
          value={home.membersWithoutAppointmentCheck.length}
          label="Medlemmer uten habilitetssjekk ved oppnevning"
          tone="warning"
        />
      </div>
      <p data-testid="rhf-by-status">
        {statusOrder
          .filter((status) => (home.byStatus[status] ?? 0) > 0)
          .map((status) => `${statusLabels[status]}: ${home.byStatus[status]}`)
          .join(' · ')}
      </p>
      <p data-testid="rhf-by-risk">
        Risikoprofil: høy {home.byRisk.høy} · middels {home.byRisk.medium} · lav {home.byRisk.lav} · ikke
        vurdert {home.byRisk.none}
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
              {c.procurementName ?? 'Uten anskaffelse'} · {c.steeringGroupName} · eskalert{' '}
              {formatDate(c.escalatedAt)}
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
      <AppointmentCheckItems members={home.membersWithoutAppointmentCheck} onRecorded={reload} />
    </section>
  );
}

/** The role homes: one section per role the user holds that has a home. */
export function MyHome() {
  const home = useApi<MyHomeDto>(myHomePath);
  if (home.problem) return <ErrorBox problem={home.problem} />;
  if (!home.data) return <Loading />;
  const { member, procurementLead, rhfContact, hfPurchasing, reader, cockpit, today } = home.data;
  return (
    <div data-testid="my-home">
      {cockpit && <CockpitSection cockpit={cockpit} today={today} />}
      {member && <MemberSection home={member} />}
      {procurementLead && <LeadSection home={procurementLead} />}
      {rhfContact.map((region) => (
        <RhfSection key={region.rhfId} home={region} reload={home.reload} />
      ))}
      {hfPurchasing.map((hf) => (
        <HfSection key={hf.hfId} home={hf} />
      ))}
      {reader && <ReaderSection home={reader} />}
    </div>
  );
}
