import { A, useNavigate } from '@solidjs/router';
import type { JSX } from 'solid-js';
import { errorMessage } from '../api/problem.ts';
import { useSession } from '../auth/session.tsx';
import { latest } from '../lib/latest.ts';
import { PageErrorBoundary } from '../ui/page-error.tsx';
import { notify } from '../ui/toaster.tsx';

/** The Account Manager frame: top bar with the merchant and Logout, left navigation, the page. */
export function AppShell(props: { nav: JSX.Element; navLabel: string; children: JSX.Element }) {
  const { session, signOut } = useSession();
  const navigate = useNavigate();
  const logout = async () => {
    try {
      await signOut();
    } catch (error) {
      notify('error', 'Logout failed', errorMessage(error));
    }
    navigate('/login', { replace: true });
  };
  return (
    <div class="shell">
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="topbar">
        <A href="/ecommerce" class="brand">
          Ballast <span class="brand-sub">Account Manager</span>
        </A>
        <div class="topbar-user">
          <span class="muted">{latest(session)?.user.email}</span>
          <button type="button" class="button button-small" onClick={() => void logout()}>
            Logout
          </button>
        </div>
      </header>
      <nav class="sidenav" aria-label={props.navLabel}>
        {props.nav}
      </nav>
      <main class="content" id="main" tabindex="-1">
        <PageErrorBoundary>{props.children}</PageErrorBoundary>
      </main>
    </div>
  );
}

/** The account's left navigation. */
export function AccountNav() {
  return (
    <ul class="nav-list">
      <li>
        <A href="/ecommerce" class="nav-link" activeClass="active">
          Ecommerce
        </A>
      </li>
    </ul>
  );
}
