/**
 * Who is signed in. The development sign-in keeps the token in an HttpOnly cookie (web/server.ts);
 * OIDC keeps it in memory only (oidc-client-ts with an in-memory store), so no token is ever in
 * localStorage or sessionStorage. Either way, the role and organisation shown come from the API
 * (GET /v1/me), never from the UI's own reading of a token.
 */
import { InMemoryWebStorage, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, setAccessToken, type Schemas } from './api/client';

export type Me = Schemas['Me'];
export type SignInConfig = { kind: 'dev' } | { kind: 'oidc'; authority: string; clientId: string; scope: string } | { kind: 'none'; reason: string };

type Session = {
  me?: Me;
  signIn: SignInConfig;
  loading: boolean;
  refresh: () => Promise<void>;
  signOut: () => Promise<void>;
  oidcSignIn: () => Promise<void>;
};

const SessionContext = createContext<Session | undefined>(undefined);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in caller (pages under the layout are only shown to one). */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('not signed in');
  return me;
}

function userManager(config: Extract<SignInConfig, { kind: 'oidc' }>): UserManager {
  const store = new WebStorageStateStore({ store: new InMemoryWebStorage() });
  return new UserManager({
    authority: config.authority,
    client_id: config.clientId,
    scope: config.scope,
    redirect_uri: `${window.location.origin}/auth/callback`,
    post_logout_redirect_uri: `${window.location.origin}/`,
    response_type: 'code', // authorization code with PKCE (oidc-client-ts always sends a code challenge)
    userStore: store,
    // The state and code verifier must outlive the redirect; they hold no token.
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [signIn, setSignIn] = useState<SignInConfig>({ kind: 'dev' });
  const [me, setMe] = useState<Me>();
  const [loading, setLoading] = useState(true);
  const [manager, setManager] = useState<UserManager>();

  const refresh = useCallback(async () => {
    const { data } = await api.GET('/v1/me');
    setMe(data);
  }, []);

  useEffect(() => {
    (async () => {
      try {
        const config = (await (await fetch('/ui-config.json')).json()) as { signIn: SignInConfig };
        setSignIn(config.signIn);
        if (config.signIn.kind === 'oidc') {
          const m = userManager(config.signIn);
          setManager(m);
          if (window.location.pathname === '/auth/callback') {
            const user = await m.signinCallback();
            if (user) setAccessToken(user.access_token);
            window.history.replaceState(null, '', (user?.state as string | undefined) ?? '/');
          }
          m.events.addUserLoaded((user) => setAccessToken(user.access_token));
        }
        await refresh();
      } finally {
        setLoading(false);
      }
    })();
  }, [refresh]);

  const signOut = useCallback(async () => {
    if (signIn.kind === 'dev') await fetch('/auth/dev/session', { method: 'DELETE' });
    setAccessToken(undefined);
    setMe(undefined);
    if (manager) await manager.signoutRedirect().catch(() => manager.removeUser());
  }, [signIn, manager]);

  const oidcSignIn = useCallback(async () => {
    await manager?.signinRedirect({ state: window.location.pathname + window.location.search });
  }, [manager]);

  const value = useMemo(() => ({ me, signIn, loading, refresh, signOut, oidcSignIn }), [me, signIn, loading, refresh, signOut, oidcSignIn]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
