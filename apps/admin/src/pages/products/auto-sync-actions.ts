import { type Accessor, createSignal } from 'solid-js';
import type { ApiClient } from '../../api/client.ts';
import { unwrap } from '../../api/client.ts';
import { errorMessage } from '../../api/problem.ts';
import type { ProductFilter, ProductListItem } from '../../api/types.ts';
import { plural } from '../../lib/format.ts';
import { notify } from '../../ui/toaster.tsx';
import type { AutoSyncRequest } from './auto-sync-warning.tsx';

type SelectionBody = { ids: number[] } | { filter: ProductFilter };

/** What confirming the overwrite warning will do. */
type PendingOn =
  | { kind: 'single'; item: ProductListItem; request: AutoSyncRequest }
  | { kind: 'bulk'; count: number; request: AutoSyncRequest };

export interface AutoSyncActionsOptions {
  storeId: Accessor<number>;
  /** Active channels, for the confirmation's wording. */
  channelCount: Accessor<number>;
  /** One product's flag changed on the server. */
  onProductChanged: (id: number, autoSync: boolean) => void;
  /** A bulk change went through (reload the page and the count, clear the selection). */
  onBulkChanged: () => void;
}

/**
 * Turning Auto Sync on and off from the products table: the switch moves at once, turning on waits for the
 * merchant to confirm the overwrite warning, every outcome is confirmed by a toast, and a failure puts the
 * switch back and says why.
 */
export function createAutoSyncActions(api: ApiClient, options: AutoSyncActionsOptions) {
  // The value a switch shows while its change awaits confirmation or the server; absent = the row's value.
  const [shown, setShown] = createSignal(new Map<number, boolean>());
  const [busyIds, setBusyIds] = createSignal(new Set<number>());
  const [pendingOn, setPendingOn] = createSignal<PendingOn>();
  const [applying, setApplying] = createSignal(false);

  const showAs = (id: number, value: boolean | undefined) =>
    setShown((current) => {
      const next = new Map(current);
      if (value === undefined) next.delete(id);
      else next.set(id, value);
      return next;
    });
  const setBusy = (id: number, busy: boolean) =>
    setBusyIds((current) => {
      const next = new Set(current);
      if (busy) next.add(id);
      else next.delete(id);
      return next;
    });

  async function setOne(item: ProductListItem, enabled: boolean): Promise<void> {
    setBusy(item.id, true);
    try {
      await unwrap(
        api.PUT('/stores/{storeId}/products/{productId}/auto-sync', {
          params: { path: { storeId: options.storeId(), productId: item.id } },
          body: { enabled },
        }),
      );
      options.onProductChanged(item.id, enabled);
      notify(
        'success',
        `Auto Sync turned ${enabled ? 'on' : 'off'} for ${item.sku}`,
        enabled
          ? `Its syncable balance is being pushed to ${plural(options.channelCount(), 'channel')}.`
          : 'Its quantity will no longer be pushed to channels.',
      );
    } catch (error) {
      notify(
        'error',
        `Could not turn ${enabled ? 'on' : 'off'} Auto Sync for ${item.sku}`,
        errorMessage(error),
      );
    } finally {
      // Success: the row now holds the new value; failure: the switch goes back to the row's value.
      showAs(item.id, undefined);
      setBusy(item.id, false);
    }
  }

  async function setMany(enabled: boolean, selection: SelectionBody, count: number): Promise<void> {
    setApplying(true);
    try {
      const change = await unwrap(
        api.POST('/stores/{storeId}/products/auto-sync', {
          params: { path: { storeId: options.storeId() } },
          body: { ...selection, enabled },
        }),
      );
      notify(
        'success',
        `Auto Sync turned ${enabled ? 'on' : 'off'} for ${plural(count, 'selected product')}`,
        enabled
          ? `${plural(change.updated, 'product')} changed; ${plural(change.marked, 'push', 'pushes')} queued.`
          : `${plural(change.updated, 'product')} changed; ${plural(change.unmarked, 'pending push', 'pending pushes')} dropped.`,
      );
      options.onBulkChanged();
    } catch (error) {
      notify('error', `Could not turn ${enabled ? 'on' : 'off'} Auto Sync`, errorMessage(error));
    } finally {
      setApplying(false);
    }
  }

  return {
    autoSyncOf: (item: ProductListItem) => shown().get(item.id) ?? item.autoSync,
    busyIds,
    /** A row's switch: off goes straight through; on first shows the overwrite warning. */
    toggle(item: ProductListItem, enabled: boolean): void {
      showAs(item.id, enabled);
      if (!enabled) void setOne(item, false);
      else
        setPendingOn({ kind: 'single', item, request: { subject: item.sku, selection: { ids: [item.id] } } });
    },
    /** A Bulk Actions item. */
    bulk(enabled: boolean, selection: SelectionBody, count: number): void {
      if (!enabled) void setMany(false, selection, count);
      else setPendingOn({ kind: 'bulk', count, request: { subject: plural(count, 'product'), selection } });
    },
    /** The overwrite warning's state, for `<AutoSyncWarning>`. */
    warning: {
      request: () => pendingOn()?.request,
      busy: applying,
      async confirm(): Promise<void> {
        const pending = pendingOn();
        if (!pending) return;
        if (pending.kind === 'single') {
          setPendingOn(undefined);
          await setOne(pending.item, true);
        } else {
          await setMany(true, pending.request.selection, pending.count);
          setPendingOn(undefined);
        }
      },
      cancel(): void {
        const pending = pendingOn();
        if (pending?.kind === 'single') showAs(pending.item.id, undefined);
        setPendingOn(undefined);
      },
    },
  };
}
