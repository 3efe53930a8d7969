import { A, useParams } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { useApi } from '../../api/api-context.tsx';
import { unwrap } from '../../api/client.ts';
import { describeRule } from '../../lib/explanation.ts';
import { formatQuantity } from '../../lib/format.ts';
import { latest } from '../../lib/latest.ts';
import { useStore } from '../../store/store-context.tsx';
import { BackLink } from '../../ui/back-link.tsx';
import { DataTable } from '../../ui/data-table.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { ExplanationInputs, ExplanationSteps } from '../../ui/explanation-parts.tsx';
import { withFailureToast } from '../../ui/failure-toast.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { ChannelStatusBadge } from '../../ui/status-badge.tsx';
import { notify } from '../../ui/toaster.tsx';
import { ToggleSwitch } from '../../ui/toggle-switch.tsx';
import { ListingAutoSyncSelect } from '../channels/listing-auto-sync-select.tsx';
import { AutoSyncWarning } from './auto-sync-warning.tsx';

/** One product: its stock per location, and per channel the syncable balance with why it is that number. */
export function ProductPage() {
  const api = useApi();
  const params = useParams();
  const { storeId } = useStore();
  const productId = () => Number(params.productId);
  const [product, { mutate }] = createResource(
    () => ({ storeId: storeId(), productId: productId() }),
    (key) => unwrap(api.GET('/stores/{storeId}/products/{productId}', { params: { path: key } })),
  );
  const [balance, { refetch: refetchBalance, mutate: mutateBalance }] = createResource(
    () => ({ storeId: storeId(), productId: productId() }),
    (key) => unwrap(api.GET('/stores/{storeId}/products/{productId}/balance', { params: { path: key } })),
  );
  const [confirming, setConfirming] = createSignal(false);
  const [busy, setBusy] = createSignal(false);

  const setAutoSync = async (enabled: boolean) => {
    const current = product();
    if (!current) return;
    setBusy(true);
    await withFailureToast(
      `Could not turn ${enabled ? 'on' : 'off'} Auto Sync for ${current.sku}`,
      async () => {
        await unwrap(
          api.PUT('/stores/{storeId}/products/{productId}/auto-sync', {
            params: { path: { storeId: storeId(), productId: current.id } },
            body: { enabled },
          }),
        );
        mutate({ ...current, autoSync: enabled });
        notify('success', `Auto Sync turned ${enabled ? 'on' : 'off'} for ${current.sku}`);
        void refetchBalance();
      },
    );
    setBusy(false);
    setConfirming(false);
  };

  return (
    <section class="page">
      <BackLink href={`/stores/${storeId()}/products`} label="Products" />
      <ErrorAlert error={product.error} />
      <Show when={latest(product)}>
        {(p) => (
          <>
            <PageHeader
              title={
                <>
                  {p().sku} <span class="muted">{p().name}</span>
                </>
              }
              actions={
                <>
                  <ToggleSwitch
                    label="Auto Sync"
                    checked={p().autoSync || confirming()}
                    disabled={busy()}
                    onChange={(enabled) => (enabled ? setConfirming(true) : void setAutoSync(false))}
                  />
                  <A class="button" href={`/stores/${storeId()}/sync-history?product=${p().id}`}>
                    Sync History
                  </A>
                </>
              }
            />
            <Show when={latest(balance)}>
              {(b) => (
                <>
                  <div class="stat-grid">
                    <For
                      each={
                        [
                          ['On hand', b().onHand],
                          ['Committed', b().committed],
                          ['Incoming', b().incoming],
                          ['Available', b().available],
                        ] as const
                      }
                    >
                      {([label, value]) => (
                        <div class="card stat">
                          <span class="stat-value">{formatQuantity(value)}</span>
                          <span class="stat-label">{label}</span>
                        </div>
                      )}
                    </For>
                  </div>
                  <section class="card" aria-labelledby="channels-title">
                    <h2 id="channels-title">Syncable balance per channel</h2>
                    <Show
                      when={b().channels.length > 0}
                      fallback={<p class="empty">No channel connected.</p>}
                    >
                      <For each={b().channels}>
                        {(channel) => (
                          <article class="channel-balance">
                            <h3>
                              {channel.name} <ChannelStatusBadge status={channel.status} />:{' '}
                              <strong>
                                {channel.syncable.quantity === null
                                  ? `Unknown (${channel.syncable.unknownReason ?? 'held'})`
                                  : formatQuantity(channel.syncable.quantity)}
                              </strong>
                            </h3>
                            <Show
                              when={channel.listingId}
                              fallback={
                                <p class="muted">
                                  Auto Sync follows the product ({p().autoSync ? 'On' : 'Off'}): not linked to
                                  an item on this channel yet.
                                </p>
                              }
                            >
                              {(listingId) => (
                                <ListingAutoSyncSelect
                                  storeId={storeId()}
                                  channelId={channel.channelId}
                                  channelName={channel.name}
                                  listing={{
                                    id: listingId(),
                                    sku: p().sku,
                                    autoSyncOverride: channel.autoSyncOverride,
                                    autoSync: channel.autoSync,
                                    productAutoSync: p().autoSync,
                                  }}
                                  label={`Auto Sync on ${channel.name}`}
                                  onChanged={(listing) =>
                                    // The override changes no quantity: the page keeps its balance, with the new flags.
                                    mutateBalance(
                                      (current) =>
                                        current && {
                                          ...current,
                                          channels: current.channels.map((c) =>
                                            c.listingId === listing.id
                                              ? {
                                                  ...c,
                                                  autoSyncOverride: listing.autoSyncOverride,
                                                  autoSync: listing.autoSync,
                                                }
                                              : c,
                                          ),
                                        },
                                    )
                                  }
                                />
                              )}
                            </Show>
                            <p>{describeRule(channel.syncable.explanation.rule)}</p>
                            <ExplanationSteps steps={channel.syncable.explanation.steps} />
                            <ExplanationInputs explanation={channel.syncable.explanation} />
                          </article>
                        )}
                      </For>
                    </Show>
                  </section>
                  <section class="card" aria-labelledby="locations-title">
                    <h2 id="locations-title">Stock per location</h2>
                    <DataTable
                      columns={[
                        'Location',
                        { label: 'On hand', numeric: true },
                        { label: 'Committed', numeric: true },
                        { label: 'Incoming', numeric: true },
                        { label: 'Available', numeric: true },
                      ]}
                    >
                      <tbody>
                        <For each={b().perLocation}>
                          {(loc) => (
                            <tr>
                              <td>{loc.name}</td>
                              <td class="num">{formatQuantity(loc.onHand)}</td>
                              <td class="num">{formatQuantity(loc.committed)}</td>
                              <td class="num">{formatQuantity(loc.incoming)}</td>
                              <td class="num">{formatQuantity(loc.available)}</td>
                            </tr>
                          )}
                        </For>
                      </tbody>
                    </DataTable>
                  </section>
                </>
              )}
            </Show>
            <AutoSyncWarning
              storeId={storeId()}
              request={confirming() ? { subject: p().sku, selection: { ids: [p().id] } } : undefined}
              busy={busy()}
              onConfirm={() => void setAutoSync(true)}
              onCancel={() => setConfirming(false)}
            />
          </>
        )}
      </Show>
    </section>
  );
}
