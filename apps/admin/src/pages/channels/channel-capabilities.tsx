import { For, Show } from 'solid-js';
import type { Channel } from '../../api/types.ts';
import { capabilityFacts, describeRateModel } from '../../lib/capabilities.ts';
import { formatCount } from '../../lib/format.ts';

/** What the channel can do with its current settings (unknown while they cannot be used). */
export function ChannelCapabilities(props: { channel: Channel }) {
  return (
    <section class="card" aria-labelledby="capabilities-title">
      <h2 id="capabilities-title">Capabilities</h2>
      <Show
        when={props.channel.capabilities}
        fallback={<p class="muted">Unknown: the channel has no usable settings.</p>}
      >
        {(caps) => (
          <dl class="facts">
            <For each={capabilityFacts(caps())}>
              {(fact) => (
                <>
                  <dt>{fact.label}</dt>
                  <dd>{fact.value ? 'Yes' : 'No'}</dd>
                </>
              )}
            </For>
            <dt>Items per call</dt>
            <dd>{formatCount(caps().maxBatch)}</dd>
            <dt>Limits</dt>
            <dd>
              <Show when={caps().rateModels.length > 0} fallback="None">
                {caps().rateModels.map(describeRateModel).join('; ')}
              </Show>
            </dd>
          </dl>
        )}
      </Show>
    </section>
  );
}
