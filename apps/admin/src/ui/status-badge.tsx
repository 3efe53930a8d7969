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
