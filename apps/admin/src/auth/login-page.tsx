import { Navigate, useNavigate, useSearchParams } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { errorMessage } from '../api/problem.ts';
import { latest } from '../lib/latest.ts';
import { safeNext } from '../lib/safe-next.ts';
import { TextField } from '../ui/text-field.tsx';
import { useSession } from './session.tsx';

export function LoginPage() {
  const { session, signIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = () => safeNext(typeof params.next === 'string' ? params.next : undefined);
  const [email, setEmail] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [error, setError] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await signIn(email(), password());
      navigate(next(), { replace: true });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Show when={!latest(session)} fallback={<Navigate href={next()} />}>
      <main class="center-page">
        <form class="card login-card form" onSubmit={submit} aria-labelledby="login-title">
          <div class="brand brand-large">Ballast</div>
          <h1 id="login-title">Log in to your Account Manager</h1>
          <TextField
            label="Email"
            type="email"
            name="email"
            autocomplete="username"
            required
            value={email()}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
          <TextField
            label="Password"
            type="password"
            name="password"
            autocomplete="current-password"
            required
            value={password()}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
          <Show when={error()}>
            <p class="form-error" role="alert">
              {error()}
            </p>
          </Show>
          <button type="submit" class="button button-primary" disabled={busy()}>
            {busy() ? 'Logging in…' : 'Log in'}
          </button>
        </form>
      </main>
    </Show>
  );
}
