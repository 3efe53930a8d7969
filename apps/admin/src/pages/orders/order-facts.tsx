import type { JSX } from 'solid-js';
import { formatTime } from '../../lib/format.ts';
import { useStore } from '../../store/store-context.tsx';

/** The facts card of an order's page: what the kind of order adds first, then where and when. */
export function OrderFacts(props: {
  order: { locationId: number; createdAt: number; updatedAt: number };
  children?: JSX.Element;
}) {
  const { locationName } = useStore();
  return (
    <dl class="facts card">
      {props.children}
      <dt>Location</dt>
      <dd>{locationName(props.order.locationId) ?? `#${props.order.locationId}`}</dd>
      <dt>Created</dt>
      <dd>{formatTime(props.order.createdAt)}</dd>
      <dt>Updated</dt>
      <dd>{formatTime(props.order.updatedAt)}</dd>
    </dl>
  );
}
