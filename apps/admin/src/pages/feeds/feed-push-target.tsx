import { A } from '@solidjs/router';
import { CopyButton } from '../../ui/copy-button.tsx';
import { TextField } from '../../ui/text-field.tsx';

/**
 * Where the merchant's own system pushes snapshots to this feed (any feed accepts them; a feed without a URL
 * only gets stock this way), with what to send.
 */
export function FeedPushTarget(props: { storeId: number; feedId: number }) {
  const endpoint = () =>
    `${window.location.origin}/api/v1/stores/${props.storeId}/feeds/${props.feedId}/snapshots`;
  return (
    <section class="card" aria-labelledby="feed-push-title">
      <h2 id="feed-push-title">Push snapshots</h2>
      <p class="muted">
        Your system can POST a snapshot of absolute on-hand quantities here: JSON{' '}
        <code>{'{"items":[{"sku":"MUG-BLUE","location":"Annex","onHand":12}]}'}</code> or CSV (
        <code>Content-Type: text/csv</code>, <code>sku,quantity[,location]</code>), with an API token as{' '}
        <code>Authorization: Bearer …</code> (
        <A href={`/stores/${props.storeId}/settings/api-tokens`}>API Tokens</A>
        ). Each push is recorded as a run.
      </p>
      <div class="secret-row">
        <TextField
          label="Snapshot endpoint"
          class="secret-field"
          readOnly
          value={endpoint()}
          onFocus={(e) => e.currentTarget.select()}
        />
        <CopyButton text={endpoint()} label="Copy endpoint" what="Endpoint" />
      </div>
    </section>
  );
}
