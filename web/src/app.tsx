import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { BrowserRouter, Link, Route, Routes } from 'react-router-dom';
import { AppLayout } from './app-layout.js';
import type { CurrentUser } from './features/auth/auth-api.js';
import { can, hasRole } from './features/auth/permissions.js';
import { RequireSession, SessionProvider, useCurrentUser } from './features/auth/session.js';
import { Loading, PageHeader } from './shared/ui.js';

// Every page is its own chunk, loaded on first visit: the first page loads only the shell, the session and
// itself (`node scripts/first-load-size.mjs` prints what that costs).
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

const AgreementPage = page(() => import('./features/agreements/agreement-page.js'), 'AgreementPage');
const NewAgreementPage = page(() => import('./features/agreements/agreement-page.js'), 'NewAgreementPage');
const AgreementsPage = page(() => import('./features/agreements/agreements-page.js'), 'AgreementsPage');
const AuditPage = page(() => import('./features/audit/audit-page.js'), 'AuditPage');
const LoginPage = page(() => import('./features/auth/login-page.js'), 'LoginPage');
const CategoriesPage = page(() => import('./features/categories/categories-page.js'), 'CategoriesPage');
const CasePage = page(() => import('./features/governance/case-page.js'), 'CasePage');
const GovernanceConfigPage = page(
  () => import('./features/governance/governance-config-page.js'),
  'GovernanceConfigPage',
);
const GovernanceModelPage = page(
  () => import('./features/governance-bodies/governance-model-page.js'),
  'GovernanceModelPage',
);
const OrganisationsPage = page(
  () => import('./features/organisations/organisations-page.js'),
  'OrganisationsPage',
);
const OverviewPage = page(() => import('./features/overview/overview-page.js'), 'OverviewPage');
const ProcurementPage = page(() => import('./features/procurements/procurement-page.js'), 'ProcurementPage');
const ProcurementsPage = page(
  () => import('./features/procurements/procurements-page.js'),
  'ProcurementsPage',
);
const SpendImportPage = page(() => import('./features/spend/spend-import-page.js'), 'SpendImportPage');
const SteeringGroupPage = page(
  () => import('./features/steering-groups/steering-group-page.js'),
  'SteeringGroupPage',
);
const SteeringGroupsPage = page(
  () => import('./features/steering-groups/steering-groups-page.js'),
  'SteeringGroupsPage',
);
const HabilitetPage = page(
  () => import('./features/governance/habilitet/habilitet-page.js'),
  'HabilitetPage',
);
const RhfDigestPage = page(
  () => import('./features/governance/habilitet/rhf-digest-page.js'),
  'RhfDigestPage',
);
const MeetingPage = page(() => import('./features/meetings/meeting-page.js'), 'MeetingPage');
const OverduePage = page(() => import('./features/meetings/overdue-page.js'), 'OverduePage');
const MeetingCalendarPage = page(
  () => import('./features/meetings/meeting-calendar-page.js'),
  'MeetingCalendarPage',
);
const TrainingPage = page(() => import('./features/training/training-page.js'), 'TrainingPage');
const WorkspacePage = page(() => import('./features/workspace/workspace-page.js'), 'WorkspacePage');
const ActionPlansPage = page(() => import('./features/action-plans/action-plans-page.js'), 'ActionPlansPage');
const AnnualPlanPage = page(() => import('./features/annual-plan/annual-plan-page.js'), 'AnnualPlanPage');
const ReportPage = page(() => import('./features/reporting/report-page.js'), 'ReportPage');
const PublicLayout = page(() => import('./features/public-access/public-layout.js'), 'PublicLayout');
const PublicJournalPage = page(() => import('./features/public-access/journal-page.js'), 'PublicJournalPage');
const PublicDecisionsPage = page(
  () => import('./features/public-access/decisions-page.js'),
  'PublicDecisionsPage',
);
const PublicMeetingsPage = page(
  () => import('./features/public-access/meetings-page.js'),
  'PublicMeetingsPage',
);
const AccessRequestsPage = page(
  () => import('./features/public-access/access-requests-page.js'),
  'AccessRequestsPage',
);
const AccessRequestPage = page(
  () => import('./features/public-access/access-request-page.js'),
  'AccessRequestPage',
);
const SpendPage = page(() => import('./features/spend/spend-page.js'), 'SpendPage');
const KpiDashboard = page(() => import('./features/kpis/kpi-dashboard.js'), 'KpiDashboard');
const CategoryResponsibilityPage = page(
  () => import('./features/category-responsibility/category-responsibility-page.js'),
  'CategoryResponsibilityPage',
);
const MasterAgreementsPage = page(
  () => import('./features/master-agreements/master-agreements-page.js'),
  'MasterAgreementsPage',
);
const MasterAgreementPage = page(
  () => import('./features/master-agreements/master-agreement-page.js'),
  'MasterAgreementPage',
);
const ImplementationPage = page(
  () => import('./features/implementation/implementation-page.js'),
  'ImplementationPage',
);
const ProgrammePage = page(() => import('./features/programme/programme-page.js'), 'ProgrammePage');

export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <Suspense fallback={<Loading />}>
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
              <Route path="kalender" element={<MeetingCalendarPage />} />
              <Route path="anskaffelser" element={<ProcurementsPage />} />
              <Route path="anskaffelser/ny" element={<ProcurementPage />} />
              <Route path="anskaffelser/:id" element={<ProcurementPage />} />
              <Route path="organisasjoner" element={<OrganisationsPage />} />
              <Route path="kategorier" element={<CategoriesPage />} />
              <Route path="forbruk" element={<SpendPage />} />
              <Route path="avtaler" element={<AgreementsPage />} />
              <Route path="kategoriansvar" element={<CategoryResponsibilityPage />} />
              <Route path="implementeringsplaner" element={<ImplementationPage />} />
              <Route path="masteravtaler" element={<MasterAgreementsPage />} />
              <Route path="masteravtaler/:id" element={<MasterAgreementPage />} />
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
              <Route path="regional-modell/:regionCode" element={<GovernanceModelPage />} />
              <Route path="habilitet" element={<HabilitetPage />} />
              <Route path="habilitet/erklaering" element={<HabilitetPage />} />
              <Route path="habilitet/ukesoversikt" element={<RhfDigestPage />} />
              <Route path="rapporter" element={<ReportPage />} />
              <Route path="anskaffelsesplan" element={<AnnualPlanPage />} />
              <Route path="anskaffelsesplan/:year" element={<AnnualPlanPage />} />
              <Route path="nokkelindikatorer" element={<KpiDashboard />} />
              <Route path="handlingsplaner" element={<ActionPlansPage />} />
              <Route path="implementeringsprogram" element={<ProgrammePage />} />
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
        </Suspense>
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
