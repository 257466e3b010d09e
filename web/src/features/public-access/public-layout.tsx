// The frame of the public pages (/innsyn): no login, the portal's design language, a skip link and landmarks
// (WCAG 2.1 AA, forskrift om universell utforming av IKT).
import { NavLink, Outlet } from 'react-router-dom';

export function PublicLayout() {
  return (
    <div className="app">
      <a className="skip-link" href="#innhold">
        Hopp til innhold
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <NavLink to="/innsyn" className="brand">
            Styringsportalen – offentlig innsyn
          </NavLink>
          <div className="user-box">
            <NavLink to="/logg-inn" className="button button-on-dark">
              Logg inn (ansatte)
            </NavLink>
          </div>
        </div>
        <nav className="main-nav" aria-label="Offentlige sider">
          <ul className="nav-groups">
            <li className="nav-group">
              <ul>
                <li>
                  <NavLink to="/innsyn" end>
                    Postjournal
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/innsyn/vedtak">Vedtak</NavLink>
                </li>
                <li>
                  <NavLink to="/innsyn/moter">Møter</NavLink>
                </li>
              </ul>
            </li>
          </ul>
        </nav>
      </header>
      <main id="innhold" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="app-footer">
        Sykehusinnkjøp HF – styringsgruppene for nasjonale og flerregionale anskaffelser. Dokumentene er
        offentlige etter offentleglova § 3 med mindre unntak er hjemlet. Data:{' '}
        <a href="/api/public/journal/export?format=csv">journal (CSV)</a>,{' '}
        <a href="/api/public/journal/export?format=einnsyn">eInnsyn-JSON</a>,{' '}
        <a href="/api/open-data/ocds">OCDS</a>.
      </footer>
    </div>
  );
}
