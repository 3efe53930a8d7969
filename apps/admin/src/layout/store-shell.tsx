import { Collapsible } from '@kobalte/core/collapsible';
import { A, type RouteSectionProps, useLocation } from '@solidjs/router';
import { For, type JSX, Show } from 'solid-js';
import { errorMessage } from '../api/problem.ts';
import { latest } from '../lib/latest.ts';
import { StoreProvider, useStore } from '../store/store-context.tsx';
import { AppShell } from './app-shell.tsx';

const STORE_PAGES = [
  { path: 'products', label: 'Products' },
  { path: 'sales-orders', label: 'Sales Orders' },
  { path: 'purchase-orders', label: 'Purchase Orders' },
  { path: 'work-orders', label: 'Work Orders' },
  { path: 'adjustments', label: 'Adjustments' },
  { path: 'uploads', label: 'Uploads' },
  { path: 'feeds', label: 'Feeds' },
];

const SETTINGS_PAGES = [{ path: 'settings/api-tokens', label: 'API Tokens' }];

/** A store's Ecommerce Dashboard: its own left navigation, with “Store” opening the catalogue pages. */
export function StoreShell(props: RouteSectionProps) {
  const storeId = () => Number(props.params.storeId);
  return (
    <Show
      when={Number.isSafeInteger(storeId()) && storeId() > 0}
      fallback={<p class="page">No such store.</p>}
    >
      <StoreProvider storeId={storeId()}>
        <AppShell nav={<StoreNav />} navLabel="Ecommerce Dashboard">
          <StoreGate>{props.children}</StoreGate>
        </AppShell>
      </StoreProvider>
    </Show>
  );
}

/** A store the merchant cannot open (not theirs, or gone) says so instead of failing on every request. */
function StoreGate(props: { children: JSX.Element }) {
  const { store } = useStore();
  return (
    <Show
      when={!store.error}
      fallback={
        <section class="page">
          <h1>This store cannot be opened</h1>
          <p class="form-error" role="alert">
            {errorMessage(store.error)}
          </p>
          <p>
            <A href="/ecommerce">Back to Ecommerce Details</A>
          </p>
        </section>
      }
    >
      {props.children}
    </Show>
  );
}

function StoreNav() {
  const { storeId, store } = useStore();
  const base = () => `/stores/${storeId()}`;
  return (
    <>
      <A href="/ecommerce" class="nav-back">
        ← Ecommerce
      </A>
      <div class="nav-store" title="The store you are managing">
        {latest(store)?.name ?? '…'}
      </div>
      <ul class="nav-list">
        <li>
          <A href={base()} end class="nav-link" activeClass="active">
            Dashboard
          </A>
        </li>
        <li>
          {/* Closed on the dashboard, as the merchant's guide describes (click Store, then pick a page); open
              when a page inside it is opened directly, so the current page shows in the navigation. */}
          <NavGroup label="Store" base={base()} pages={STORE_PAGES} />
        </li>
        <li>
          <A href={`${base()}/channels`} class="nav-link" activeClass="active">
            Channels
          </A>
        </li>
        <li>
          <A href={`${base()}/sync-history`} class="nav-link" activeClass="active">
            Sync History
          </A>
        </li>
        <li>
          <NavGroup label="Settings" base={base()} pages={SETTINGS_PAGES} />
        </li>
      </ul>
    </>
  );
}

/** A collapsible group of the store's pages, open when one of them is the current page. */
function NavGroup(props: { label: string; base: string; pages: readonly { path: string; label: string }[] }) {
  const location = useLocation();
  const isCurrent = (path: string) => location.pathname.startsWith(`${props.base}/${path}`);
  return (
    <Collapsible defaultOpen={props.pages.some((p) => isCurrent(p.path))}>
      <Collapsible.Trigger class="nav-link nav-group-trigger">
        {props.label}
        <span class="nav-caret" aria-hidden="true">
          ▾
        </span>
      </Collapsible.Trigger>
      <Collapsible.Content class="nav-group">
        <ul class="nav-list nav-sublist">
          <For each={props.pages}>
            {(page) => (
              <li>
                <A
                  href={`${props.base}/${page.path}`}
                  class="nav-link"
                  activeClass="active"
                  aria-current={isCurrent(page.path) ? 'page' : undefined}
                >
                  {page.label}
                </A>
              </li>
            )}
          </For>
        </ul>
      </Collapsible.Content>
    </Collapsible>
  );
}
