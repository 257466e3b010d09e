import { Suspense, useState } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router-dom';
import { roleLabels } from './shared/labels.js';
import { Loading } from './shared/ui.js';
import { can, hasRole } from './features/auth/permissions.js';
import { useCurrentUser, useSession } from './features/auth/session.js';
import { UnreadBadge } from './features/governance/member-home.js';

export function AppLayout() {
  const user = useCurrentUser();
  const { signOut } = useSession();
  const location = useLocation();
  const roles = [...new Set(user.roles.map((grant) => roleLabels[grant.role]))];
  // On a narrow screen the menu folds behind a button (it filled the first screen at 390 px); it folds again
  // after each navigation (it is open only on the page it was opened on). Wide screens always show it.
  const [menuOpenOn, setMenuOpenOn] = useState<string | null>(null);
  const menuOpen = menuOpenOn === location.pathname;

  // The menu in the users' own areas of work; every link stays visible (no hidden drop-downs).
  const groups: Array<{ label: string; links: Array<{ to: string; label: string; end?: boolean }> }> = [
    { label: 'Start', links: [{ to: '/', label: 'Oversikt', end: true }] },
    {
      label: 'Styring',
      links: [
        { to: '/styringsgrupper', label: 'Styringsgrupper' },
        { to: '/anskaffelser', label: 'Anskaffelser' },
        { to: '/styringsmodell', label: 'Styringsmodell' },
        { to: '/regional-modell/HN', label: 'Helse Nords modell' },
        { to: '/habilitet', label: 'Habilitet' },
      ],
    },
    {
      label: 'Sekretariat',
      links: [
        ...(hasRole(user, 'secretariat')
          ? [
              { to: '/oppfolging', label: 'Oppfølging' },
              { to: '/innsynskrav', label: 'Innsynskrav' },
            ]
          : []),
        { to: '/innsyn', label: 'Offentlig journal' },
        { to: '/opplaering', label: 'Opplæring' },
        { to: '/kalender', label: 'Kalender' },
      ],
    },
    {
      label: 'Innkjøp',
      links: [
        { to: '/avtaler', label: 'Avtaler' },
        { to: '/forbruk', label: 'Forbruk' },
        { to: '/kategoriansvar', label: 'Kategoriansvar' },
        { to: '/masteravtaler', label: 'Masteravtaler' },
        { to: '/implementeringsplaner', label: 'Implementeringsplaner' },
      ],
    },
    {
      label: 'Rapportering',
      links: [
        { to: '/rapporter', label: 'Porteføljerapport' },
        { to: '/anskaffelsesplan', label: 'Anskaffelsesplan' },
        { to: '/nokkelindikatorer', label: 'KPI' },
        { to: '/handlingsplaner', label: 'Handlingsplaner' },
        { to: '/implementeringsprogram', label: 'Implementering' },
      ],
    },
    {
      label: 'Grunndata',
      links: [
        { to: '/organisasjoner', label: 'Organisasjoner' },
        { to: '/kategorier', label: 'Kategorier' },
        ...(can.readAudit(user) ? [{ to: '/revisjonslogg', label: 'Revisjonslogg' }] : []),
      ],
    },
  ];

  return (
    <div className="app">
      <a className="skip-link" href="#innhold">
        Hopp til innhold
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <NavLink to="/" className="brand">
            Styringsportalen
          </NavLink>
          <div className="user-box">
            <span className="user-name" data-testid="current-user">
              {user.personName}
            </span>
            <span className="user-roles">{roles.join(', ')}</span>
            <button
              type="button"
              className="button button-on-dark"
              onClick={() => void signOut()}
              data-testid="logout"
            >
              Logg ut
            </button>
          </div>
        </div>
        <button
          type="button"
          className="menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="hovedmeny"
          onClick={() => setMenuOpenOn(menuOpen ? null : location.pathname)}
          data-testid="menu-toggle"
        >
          {menuOpen ? 'Lukk meny' : 'Meny'}
        </button>
        <nav id="hovedmeny" className={menuOpen ? 'main-nav is-open' : 'main-nav'} aria-label="Hovedmeny">
          <ul className="nav-groups">
            {groups.map((group) => (
              <li key={group.label} className="nav-group">
                <span className="nav-group-label" aria-hidden="true">
                  {group.label}
                </span>
                <ul>
                  {group.links.map((link) => (
                    <li key={link.to}>
                      <NavLink to={link.to} end={link.end}>
                        {link.label}
                        {link.to === '/' && <UnreadBadge refreshKey={location.pathname} />}
                      </NavLink>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="innhold" className="app-main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="app-footer">
        Styringsportalen – nasjonal og flerregional styringsmodell for anskaffelser
      </footer>
    </div>
  );
}
