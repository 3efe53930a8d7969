import type { SyncStatus } from '../api/types.ts';

const LABELS: Record<SyncStatus, string> = {
  pending: 'Pending',
  succeeded: 'Succeeded',
  failed: 'Failed',
  retrying: 'Retrying',
  skipped: 'Skipped',
};

/** A Sync History status as a coloured badge; the text carries the meaning, colour only reinforces it. */
export function StatusBadge(props: { status: SyncStatus }) {
  return <span class={`badge badge-${props.status}`}>{LABELS[props.status]}</span>;
}

/** A channel's connection status. */
export function ChannelStatusBadge(props: { status: 'active' | 'paused' | 'disconnected' }) {
  const tone = () => ({ active: 'succeeded', paused: 'retrying', disconnected: 'skipped' })[props.status];
  return (
    <span class={`badge badge-${tone()}`}>
      {props.status.charAt(0).toUpperCase() + props.status.slice(1)}
    </span>
  );
}

export type OrderStatus =
  | 'open'
  | 'partially_shipped'
  | 'shipped'
  | 'partially_received'
  | 'received'
  | 'in_progress'
  | 'completed'
  | 'cancelled';

const ORDER_TONES: Record<OrderStatus, SyncStatus> = {
  open: 'pending',
  in_progress: 'pending',
  partially_shipped: 'retrying',
  partially_received: 'retrying',
  shipped: 'succeeded',
  received: 'succeeded',
  completed: 'succeeded',
  cancelled: 'skipped',
};

/** A sales, purchase or work order's status. */
export function OrderStatusBadge(props: { status: OrderStatus }) {
  const label = () => props.status.charAt(0).toUpperCase() + props.status.slice(1).replaceAll('_', ' ');
  return <span class={`badge badge-${ORDER_TONES[props.status]}`}>{label()}</span>;
}
