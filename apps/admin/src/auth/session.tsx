import { createContext, createResource, type JSX, type Resource, useContext } from 'solid-js';
import { type ApiClient, unwrap } from '../api/client.ts';
import { ApiError, isProblem } from '../api/problem.ts';
import type { components } from '../api/schema.gen.ts';

export type SessionView = components['schemas']['Session'];

export interface SessionValue {
  /** The signed-in merchant; null when signed out (undefined while loading). */
  session: Resource<SessionView | null>;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  /** The server answered 401: the session ended (expired, signed out elsewhere). */
  expire(): void;
}

const SessionContext = createContext<SessionValue>();

/** The merchant's session (an httpOnly cookie the server sets; the app only asks who is signed in). */
export function SessionProvider(props: {
  api: ApiClient;
  bindUnauthorized: (handler: () => void) => void;
  children: JSX.Element;
}) {
  const [session, { mutate, refetch }] = createResource(async () => {
    const { data, error, response } = await props.api.GET('/auth/session');
    if (response.status === 401) return null;
    if (!response.ok || !data) throw new ApiError(response.status, isProblem(error) ? error : undefined);
    return data;
  });
  const value: SessionValue = {
    session,
    async signIn(email, password) {
      await unwrap(props.api.POST('/auth/sign-in', { body: { email, password } }));
      await refetch();
    },
    async signOut() {
      try {
        await unwrap(props.api.POST('/auth/sign-out'));
      } finally {
        mutate(null);
      }
    },
    expire: () => mutate(null),
  };
  props.bindUnauthorized(value.expire);
  return <SessionContext.Provider value={value}>{props.children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession() outside <SessionProvider>');
  return value;
}
