import { createResource, For, Match, Show, Switch } from 'solid-js';
import { useApi } from '../../api/api-context.tsx';
import { unwrap } from '../../api/client.ts';
import { errorMessage } from '../../api/problem.ts';
import type { AutoSyncPreview, AutoSyncPreviewRow, ProductFilter } from '../../api/types.ts';
import { formatQuantity, plural } from '../../lib/format.ts';
import { Modal } from '../../ui/modal.tsx';

export interface AutoSyncRequest {
  /** What the dialog calls the selection: “MUG-RED” or “25 products”. */
  subject: string;
  selection: { ids: number[] } | { filter: ProductFilter };
}

/**
 * The warning before Auto Sync goes on: the master overwrites what every channel shows, so the merchant sees
 * the preview of what will change (where the channel's quantity is known) and confirms.
 */
export function AutoSyncWarning(props: {
  storeId: number;
  request: AutoSyncRequest | undefined;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const api = useApi();
  const [preview] = createResource(
    () => props.request,
    (request) =>
      unwrap(
        api.POST('/stores/{storeId}/products/auto-sync/preview', {
          params: { path: { storeId: props.storeId } },
          body: { ...request.selection, limit: 200 },
        }),
      ),
  );
  return (
    <Modal
      open={props.request !== undefined}
      onOpenChange={(open) => !open && !props.busy && props.onCancel()}
      title={`Turn on Auto Sync for ${props.request?.subject ?? ''}?`}
      size="wide"
      description={
        <span class="warning-text">
          <strong>Channel quantities will be overwritten.</strong> Ballast is the master of your inventory:
          once Auto Sync is on, each channel is sent the syncable balance below, replacing the quantity it
          shows now. Make sure your quantities here are correct first.
        </span>
      }
      footer={
        <>
          <button type="button" class="button" onClick={() => props.onCancel()} disabled={props.busy}>
            Cancel
          </button>
          <button
            type="button"
            class="button button-primary"
            onClick={() => props.onConfirm()}
            disabled={props.busy || preview.loading}
          >
            {props.busy ? 'Turning on…' : 'Turn On Auto Sync'}
          </button>
        </>
      }
    >
      <Switch>
        <Match when={preview.error}>
          <p class="form-error" role="alert">
            The preview could not be loaded: {errorMessage(preview.error)}
          </p>
        </Match>
        <Match when={preview.loading}>
          <p aria-live="polite">Loading what will change…</p>
        </Match>
        <Match when={preview()}>{(loaded) => <PreviewTable preview={loaded()} />}</Match>
      </Switch>
    </Modal>
  );
}

function PreviewTable(props: { preview: AutoSyncPreview }) {
  const p = () => props.preview;
  return (
    <div class="preview">
      <p class="preview-summary" data-testid="preview-summary">
        <Show
          when={p().products > 0}
          fallback={'Auto Sync is already on for every selected product: nothing will change.'}
        >
          <Show
            when={p().channels > 0}
            fallback={`${plural(p().products, 'product')} will be synced once you connect a channel.`}
          >
            {plural(p().products, 'product')} on {plural(p().channels, 'active channel')}:{' '}
            {plural(p().changing, 'quantity', 'quantities')} will change, {p().unchanged} already match,{' '}
            {p().unknown} on channels whose current quantity is not known
            {p().held > 0 ? `, ${p().held} held (quantity unknown)` : ''}.
          </Show>
        </Show>
      </p>
      <Show when={p().previewedProducts < p().products}>
        <p class="muted">
          Showing the first {p().previewedProducts} of {plural(p().products, 'product')}.
        </p>
      </Show>
      <Show when={p().rows.length > 0}>
        <div class="table-scroll preview-scroll">
          <table class="table" aria-label="Quantities that will be sent">
            <thead>
              <tr>
                <th scope="col">SKU</th>
                <th scope="col">Channel</th>
                <th scope="col" class="num">
                  Current channel quantity
                </th>
                <th scope="col" class="num">
                  New quantity
                </th>
                <th scope="col">Change</th>
              </tr>
            </thead>
            <tbody>
              <For each={p().rows}>{(row) => <PreviewRowView row={row} />}</For>
            </tbody>
          </table>
        </div>
      </Show>
    </div>
  );
}

function PreviewRowView(props: { row: AutoSyncPreviewRow }) {
  const change = () => {
    const { row } = props;
    if (row.pushQuantity === null) return `Held: ${row.unknownReason ?? 'quantity unknown'}`;
    if (row.changes === null) return 'Overwritten (current quantity unknown)';
    return row.changes ? 'Overwritten' : 'No change';
  };
  return (
    <tr classList={{ 'row-changes': props.row.changes === true }}>
      <td>{props.row.sku}</td>
      <td>{props.row.channelName}</td>
      <td class="num">
        {props.row.channelQuantity === null ? 'Unknown' : formatQuantity(props.row.channelQuantity)}
      </td>
      <td class="num">{formatQuantity(props.row.pushQuantity)}</td>
      <td>{change()}</td>
    </tr>
  );
}
