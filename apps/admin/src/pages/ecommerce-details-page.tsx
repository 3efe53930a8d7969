import { A } from '@solidjs/router';
import { createResource, For, Match, Switch } from 'solid-js';
import { useApi } from '../api/api-context.tsx';
import { unwrap } from '../api/client.ts';
import { errorMessage } from '../api/problem.ts';
import { AccountNav, AppShell } from '../layout/app-shell.tsx';

/** Ecommerce Details: every store the merchant manages, each with Manage Store. */
export function EcommerceDetailsPage() {
  const api = useApi();
  const [stores] = createResource(() => unwrap(api.GET('/stores')).then((r) => r.items));
  return (
    <AppShell nav={<AccountNav />} navLabel="Account">
      <section class="page">
        <header class="page-header">
          <h1>Ecommerce Details</h1>
        </header>
        <Switch>
          <Match when={stores.error}>
            <p class="form-error" role="alert">
              {errorMessage(stores.error)}
            </p>
          </Match>
          <Match when={stores.loading}>
            <p>Loading your stores…</p>
          </Match>
          <Match when={stores()?.length === 0}>
            <p class="empty">
              No store is linked to your account yet. Ask the server’s administrator to add you.
            </p>
          </Match>
          <Match when={stores()}>
            {(list) => (
              <>
                <p class="muted">
                  {list().length > 1 ? 'Select the store you want to manage.' : 'Your store.'}
                </p>
                <ul class="store-list" aria-label="Stores">
                  <For each={list()}>
                    {(store) => (
                      <li class="card store-card">
                        <div>
                          <h2 class="store-name">{store.name}</h2>
                          <span class="muted">Store #{store.id}</span>
                        </div>
                        <A
                          href={`/stores/${store.id}`}
                          class="button button-primary"
                          aria-label={`Manage Store ${store.name}`}
                        >
                          Manage Store
                        </A>
                      </li>
                    )}
                  </For>
                </ul>
              </>
            )}
          </Match>
        </Switch>
      </section>
    </AppShell>
  );
}
