import { Navigate, type RouteSectionProps, useLocation } from '@solidjs/router';
import { Match, Switch } from 'solid-js';
import { errorMessage } from '../api/problem.ts';
import { latest } from '../lib/latest.ts';
import { useSession } from './session.tsx';

/** Every page but the login page: signed-out merchants are sent to log in, then back where they were. */
export function RequireSession(props: RouteSectionProps) {
  const { session } = useSession();
  const location = useLocation();
  const next = () => encodeURIComponent(`${location.pathname}${location.search}`);
  return (
    <Switch>
      <Match when={session.error}>
        <main class="center-page">
          <p class="form-error" role="alert">
            {errorMessage(session.error)}
          </p>
        </main>
      </Match>
      <Match when={latest(session) === null}>
        <Navigate href={`/login?next=${next()}`} />
      </Match>
      <Match when={latest(session)}>{props.children}</Match>
    </Switch>
  );
}
