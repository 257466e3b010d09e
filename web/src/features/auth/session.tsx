// Holds the signed-in user for the whole app and sends the user to the login page when the session ends.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { onUnauthorized, toDisplayProblem, type Problem } from '../../shared/api-client.js';
import { ErrorBox } from '../../shared/error-box.js';
import { forgetEverything } from '../../shared/query-client.js';
import { Loading } from '../../shared/ui.js';
import { fetchCurrentUser, logOut, type CurrentUser } from './auth-api.js';

type SessionState =
  | { status: 'loading' }
  | { status: 'failed'; problem: Problem }
  | { status: 'anonymous' }
  | { status: 'authenticated'; user: CurrentUser };

interface SessionContextValue {
  state: SessionState;
  signedIn: (user: CurrentUser) => void;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  useEffect(() => {
    onUnauthorized(() => setState({ status: 'anonymous' }));
    fetchCurrentUser().then(
      (user) => setState(user ? { status: 'authenticated', user } : { status: 'anonymous' }),
      (error: unknown) => setState({ status: 'failed', problem: toDisplayProblem(error) }),
    );
  }, []);

  // A new session starts with an empty cache: nothing read by the previous user is shown to the next.
  const signedIn = useCallback((user: CurrentUser) => {
    forgetEverything();
    setState({ status: 'authenticated', user });
  }, []);
  const signOut = useCallback(async () => {
    let endSessionUrl: string | null = null;
    try {
      endSessionUrl = await logOut();
    } finally {
      forgetEverything();
      // After single sign-on the provider ends its own session too, then sends the browser back to the login page.
      if (endSessionUrl) window.location.assign(endSessionUrl);
      else setState({ status: 'anonymous' });
    }
  }, []);

  const value = useMemo(() => ({ state, signedIn, signOut }), [state, signedIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside SessionProvider');
  return value;
}

/** The signed-in user; only for components rendered inside RequireSession. */
export function useCurrentUser(): CurrentUser {
  const { state } = useSession();
  if (state.status !== 'authenticated') throw new Error('useCurrentUser needs a signed-in user');
  return state.user;
}

export function RequireSession({ children }: { children: ReactNode }) {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <Loading label="Sjekker innlogging …" />;
  if (state.status === 'failed') return <ErrorBox problem={state.problem} />;
  if (state.status === 'anonymous') {
    const next = location.pathname + location.search;
    return (
      <Navigate to={next === '/' ? '/logg-inn' : `/logg-inn?neste=${encodeURIComponent(next)}`} replace />
    );
  }
  return <>{children}</>;
}
