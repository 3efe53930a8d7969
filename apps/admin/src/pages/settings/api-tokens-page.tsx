import { createSignal, For, Show } from 'solid-js';
import { useApi } from '../../api/api-context.tsx';
import { unwrap } from '../../api/client.ts';
import type { components } from '../../api/schema.gen.ts';
import { formatTime } from '../../lib/format.ts';
import { keysetQuery } from '../../lib/keyset-query.ts';
import { createPagedList } from '../../lib/paged-list.ts';
import { useStore } from '../../store/store-context.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { createConfirmation } from '../../ui/confirmation.ts';
import { ACTIONS_COLUMN } from '../../ui/data-table.tsx';
import { withFailureToast } from '../../ui/failure-toast.ts';
import { ListTable } from '../../ui/list-table.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { Pager } from '../../ui/pager.tsx';
import { notify } from '../../ui/toaster.tsx';
import { CreateTokenDialog } from './create-token-dialog.tsx';

type ApiToken = components['schemas']['ApiToken'];

const PAGE_SIZE = 50;

/** The store's API tokens (for scripts and integrations): create one, see when each was last used, revoke. */
export function ApiTokensPage() {
  const api = useApi();
  const { storeId } = useStore();
  const list = createPagedList(storeId, PAGE_SIZE, (id, cursor) =>
    unwrap(
      api.GET('/stores/{storeId}/tokens', {
        params: { path: { storeId: id }, query: keysetQuery(PAGE_SIZE, cursor) },
      }),
    ),
  );
  const [creating, setCreating] = createSignal(false);
  const revoking = createConfirmation<ApiToken>();

  const revoke = (token: ApiToken) =>
    withFailureToast(`Could not revoke API token ${token.name}`, async () => {
      await unwrap(
        api.DELETE('/stores/{storeId}/tokens/{tokenId}', {
          params: { path: { storeId: storeId(), tokenId: token.id } },
        }),
      );
      notify('success', `API token ${token.name} revoked`, 'Requests with it are refused from now on.');
      list.reload();
    });

  return (
    <section class="page">
      <PageHeader
        title="API Tokens"
        actions={
          <button type="button" class="button button-primary" onClick={() => setCreating(true)}>
            Create API token
          </button>
        }
      />
      <p class="muted">
        Scripts and integrations call the Ballast API for this store with a token. Each one is shown once,
        when it is created.
      </p>
      <ListTable
        list={list}
        label="API tokens"
        columns={['Name', 'Prefix', 'Created', 'Last used', 'Revoked', ACTIONS_COLUMN]}
        empty="No API tokens yet."
      >
        <tbody>
          <For each={list.items()}>
            {(token) => (
              <tr data-token-id={token.id} classList={{ 'row-muted': token.revokedAt !== null }}>
                <td>
                  <strong>{token.name}</strong>
                </td>
                <td>
                  <code>{token.prefix}…</code>
                </td>
                <td>{formatTime(token.createdAt)}</td>
                <td>{token.lastUsedAt === null ? 'Never' : formatTime(token.lastUsedAt)}</td>
                <td>{token.revokedAt === null ? '—' : formatTime(token.revokedAt)}</td>
                <td class="row-actions">
                  <Show when={token.revokedAt === null}>
                    <button
                      type="button"
                      class="button button-small button-danger"
                      aria-label={`Revoke ${token.name}`}
                      onClick={() => revoking.ask(token)}
                    >
                      Revoke
                    </button>
                  </Show>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </ListTable>
      <Pager label="API token pages" list={list} />
      <CreateTokenDialog
        storeId={storeId()}
        open={creating()}
        onOpenChange={setCreating}
        onCreated={list.reload}
      />
      <ConfirmDialog
        open={revoking.isOpen()}
        title={`Revoke ${revoking.subject()?.name ?? ''}?`}
        description="Anything still using this token is refused from now on. A revoked token cannot be brought back."
        confirmLabel="Revoke token"
        busy={revoking.busy()}
        onConfirm={() => void revoking.confirm(revoke)}
        onCancel={revoking.dismiss}
      />
    </section>
  );
}
