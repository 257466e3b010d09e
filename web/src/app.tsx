import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Link, Route, Routes } from 'react-router-dom';
import { AppLayout } from './app-layout.js';
import { AgreementPage, NewAgreementPage } from './features/agreements/agreement-page.js';
import { AgreementsPage } from './features/agreements/agreements-page.js';
import { AuditPage } from './features/audit/audit-page.js';
import { LoginPage } from './features/auth/login-page.js';
import type { CurrentUser } from './features/auth/auth-api.js';
import { can, hasRole } from './features/auth/permissions.js';
import { RequireSession, SessionProvider, useCurrentUser } from './features/auth/session.js';
import { CategoriesPage } from './features/categories/categories-page.js';
import { CasePage } from './features/governance/case-page.js';
import { GovernanceConfigPage } from './features/governance/governance-config-page.js';
import { OrganisationsPage } from './features/organisations/organisations-page.js';
import { OverviewPage } from './features/overview/overview-page.js';
import { ProcurementPage } from './features/procurements/procurement-page.js';
import { ProcurementsPage } from './features/procurements/procurements-page.js';
import { SpendImportPage } from './features/spend/spend-import-page.js';
import { SteeringGroupPage } from './features/steering-groups/steering-group-page.js';
import { SteeringGroupsPage } from './features/steering-groups/steering-groups-page.js';
import { MeetingPage } from './features/meetings/meeting-page.js';
import { OverduePage } from './features/meetings/overdue-page.js';
import { CalendarFeedsPage } from './features/meetings/calendar-feeds.js';
import { TrainingPage } from './features/training/training-page.js';
import { WorkspacePage } from './features/workspace/workspace-page.js';
import { ActionPlansPage } from './features/action-plans/action-plans-page.js';
import { AnnualPlanPage } from './features/annual-plan/annual-plan-page.js';
import { ReportPage } from './features/reporting/report-page.js';
import { PublicLayout } from './features/public-access/public-layout.js';
import { PublicJournalPage } from './features/public-access/journal-page.js';
import { PublicDecisionsPage } from './features/public-access/decisions-page.js';
import { PublicMeetingsPage } from './features/public-access/meetings-page.js';
import { AccessRequestsPage } from './features/public-access/access-requests-page.js';
import { AccessRequestPage } from './features/public-access/access-request-page.js';
import { Loading, PageHeader } from './shared/ui.js';

// The chart pages carry ECharts; they load on first visit so the rest of the portal starts light.
const SpendPage = lazy(() =>
  import('./features/spend/spend-page.js').then((m) => ({ default: m.SpendPage })),
);
const KpiDashboard = lazy(() =>
  import('./features/kpis/kpi-dashboard.js').then((m) => ({ default: m.KpiDashboard })),
);
const ProgrammePage = lazy(() =>
  import('./features/programme/programme-page.js').then((m) => ({ default: m.ProgrammePage })),
);

export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <Routes>
          <Route path="/logg-inn" element={<LoginPage />} />
          {/* Offentleglova: the public pages need no login. */}
          <Route path="/innsyn" element={<PublicLayout />}>
            <Route index element={<PublicJournalPage />} />
            <Route path="vedtak" element={<PublicDecisionsPage />} />
            <Route path="moter" element={<PublicMeetingsPage />} />
          </Route>
          <Route
            element={
              <RequireSession>
                <AppLayout />
              </RequireSession>
            }
          >
            <Route index element={<OverviewPage />} />
            <Route path="styringsgrupper" element={<SteeringGroupsPage />} />
            <Route path="styringsgrupper/:id" element={<SteeringGroupPage />} />
            <Route path="styringsgrupper/:id/arbeidsrom" element={<WorkspacePage />} />
            <Route path="moter/:id" element={<MeetingPage />} />
            <Route path="oppfolging" element={<OverduePage />} />
            <Route path="opplaering" element={<TrainingPage />} />
            <Route path="kalender" element={<CalendarFeedsPage />} />
            <Route path="anskaffelser" element={<ProcurementsPage />} />
            <Route path="anskaffelser/ny" element={<ProcurementPage />} />
            <Route path="anskaffelser/:id" element={<ProcurementPage />} />
            <Route path="organisasjoner" element={<OrganisationsPage />} />
            <Route path="kategorier" element={<CategoriesPage />} />
            <Route
              path="forbruk"
              element={
                <Suspense fallback={<Loading />}>
                  <SpendPage />
                </Suspense>
              }
            />
            <Route path="avtaler" element={<AgreementsPage />} />
            <Route path="avtaler/ny" element={<NewAgreementPage />} />
            <Route path="avtaler/:id" element={<AgreementPage />} />
            <Route
              path="forbruk/import"
              element={
                <RequireRole allow={can.editAgreements}>
                  <SpendImportPage />
                </RequireRole>
              }
            />
            <Route path="saker/:id" element={<CasePage />} />
            <Route
              path="innsynskrav"
              element={
                <RequireRole allow={(user) => hasRole(user, 'secretariat')}>
                  <AccessRequestsPage />
                </RequireRole>
              }
            />
            <Route
              path="innsynskrav/:id"
              element={
                <RequireRole allow={(user) => hasRole(user, 'secretariat')}>
                  <AccessRequestPage />
                </RequireRole>
              }
            />
            <Route path="styringsmodell" element={<GovernanceConfigPage />} />
            <Route path="rapporter" element={<ReportPage />} />
            <Route path="anskaffelsesplan" element={<AnnualPlanPage />} />
            <Route path="anskaffelsesplan/:year" element={<AnnualPlanPage />} />
            <Route
              path="nokkelindikatorer"
              element={
                <Suspense fallback={<Loading />}>
                  <KpiDashboard />
                </Suspense>
              }
            />
            <Route path="handlingsplaner" element={<ActionPlansPage />} />
            <Route
              path="implementeringsprogram"
              element={
                <Suspense fallback={<Loading />}>
                  <ProgrammePage />
                </Suspense>
              }
            />
            <Route
              path="revisjonslogg"
              element={
                <RequireRole allow={can.readAudit}>
                  <AuditPage />
                </RequireRole>
              }
            />
            <Route path="*" element={<NotFound />} />
          </Route>
        </Routes>
      </SessionProvider>
    </BrowserRouter>
  );
}

function RequireRole({ allow, children }: { allow: (user: CurrentUser) => boolean; children: ReactNode }) {
  const user = useCurrentUser();
  if (!allow(user)) {
    return <PageHeader title="Ingen tilgang" lead="Rollene dine gir ikke tilgang til denne siden." />;
  }
  return <>{children}</>;
}

function NotFound() {
  return (
    <PageHeader
      title="Siden finnes ikke"
      lead={
        <>
          Sjekk adressen, eller gå til <Link to="/">oversikten</Link>.
        </>
      }
    />
  );
}
