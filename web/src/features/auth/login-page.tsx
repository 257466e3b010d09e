import { useEffect, useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { isSsoRefusal, ssoRefusalMessages } from '@server/features/auth/sso/sso-identity.rules.js';
import { localProblem, toDisplayProblem, type Problem } from '../../shared/api-client.js';
import { ErrorBox } from '../../shared/error-box.js';
import { fetchAuthMethods, logIn, ssoStartHref, type AuthMethods } from './auth-api.js';
import { useSession } from './session.js';
import { TextField } from '../../shared/fields.js';

/** The refusal the single sign-on callback sent back (?sso=<code>), as the message the login page shows. */
function ssoProblem(code: string | null): Problem | undefined {
  if (!isSsoRefusal(code)) return undefined;
  return localProblem(403, 'Innlogging med virksomhetens konto ble avvist', ssoRefusalMessages[code]);
}

export function LoginPage() {
  const { state, signedIn } = useSession();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<Problem | undefined>(() => ssoProblem(searchParams.get('sso')));
  const [isSubmitting, setIsSubmitting] = useState(false);
  // Nothing to choose until the server has said which ways it offers (no password form flashing when
  // passwords are off); if it cannot say, the password form, the portal's default.
  const [methods, setMethods] = useState<AuthMethods>({ passwords: false, sso: false });
  useEffect(() => {
    fetchAuthMethods().then(setMethods, () => setMethods({ passwords: true, sso: false }));
  }, []);

  // Only paths inside the app, never an absolute address from the query string.
  const requested = searchParams.get('neste');
  const next = requested && requested.startsWith('/') && !requested.startsWith('//') ? requested : '/';

  if (state.status === 'authenticated' && !isSubmitting) return <Navigate to={next} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setIsSubmitting(true);
    setProblem(undefined);
    try {
      const user = await logIn(username, password);
      signedIn(user);
      void navigate(next, { replace: true });
    } catch (error) {
      setProblem(toDisplayProblem(error));
      setIsSubmitting(false);
    }
  }

  return (
    <main className="login-page" id="innhold">
      <div className="login-card">
        <p className="login-brand">Styringsportalen</p>
        <h1>Logg inn</h1>
        <p className="muted">
          Styring av nasjonale og flerregionale anskaffelser i spesialisthelsetjenesten.
        </p>
        <ErrorBox problem={problem} testId="login-error" isFocusedOnShow />
        {methods.sso && (
          <a className="button button-primary login-sso" href={ssoStartHref(next)} data-testid="login-sso">
            Logg inn med virksomhetens konto
          </a>
        )}
        {methods.sso && methods.passwords && (
          <p className="login-or muted">eller med brukernavn og passord</p>
        )}
        {methods.passwords && (
          <form onSubmit={submit} noValidate>
            <TextField
              id="login-username"
              label="Brukernavn"
              name="username"
              autoComplete="username"
              value={username}
              onChange={setUsername}
              required
              data-testid="login-username"
            />
            <TextField
              id="login-password"
              label="Passord"
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={setPassword}
              required
              data-testid="login-password"
            />
            <button
              type="submit"
              className="button button-primary"
              disabled={isSubmitting}
              data-testid="login-submit"
            >
              {isSubmitting ? 'Logger inn …' : 'Logg inn'}
            </button>
          </form>
        )}
      </div>
    </main>
  );
}
