import { createSignal, onCleanup } from 'solid-js';
import type { Channel } from '../../api/types.ts';
import type { ProductQuery } from '../../lib/product-query.ts';
import { SelectField } from '../../ui/select-field.tsx';

const SEARCH_DELAY_MS = 250;

/** Search by SKU or name, and filters by Auto Sync, channel and sync status. */
export function ProductFilters(props: {
  query: ProductQuery;
  channels: Channel[];
  onChange: (patch: Partial<ProductQuery>) => void;
}) {
  const [text, setText] = createSignal(props.query.q);
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Typing waits for a pause before asking the server (one request per word, not per key).
  const onSearch = (value: string) => {
    setText(value);
    clearTimeout(timer);
    timer = setTimeout(() => props.onChange({ q: value.trim() }), SEARCH_DELAY_MS);
  };
  onCleanup(() => clearTimeout(timer));

  return (
    <search class="filters">
      <div class="field search-field">
        <label class="field-label" for="product-search">
          Search
        </label>
        <input
          id="product-search"
          class="input"
          type="search"
          placeholder="SKU or name"
          value={text()}
          onInput={(e) => onSearch(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              clearTimeout(timer);
              props.onChange({ q: e.currentTarget.value.trim() });
            }
          }}
        />
      </div>
      <SelectField
        label="Auto Sync"
        value={props.query.autoSync}
        onChange={(value) => props.onChange({ autoSync: value as ProductQuery['autoSync'] })}
        options={[
          { value: '', label: 'Any' },
          { value: 'on', label: 'On' },
          { value: 'off', label: 'Off' },
        ]}
      />
      <SelectField
        label="Channel"
        value={props.query.channelId === undefined ? '' : String(props.query.channelId)}
        onChange={(value) => props.onChange({ channelId: value === '' ? undefined : Number(value) })}
        options={[
          { value: '', label: 'Any channel' },
          ...props.channels.map((c) => ({ value: String(c.id), label: `Listed on ${c.name}` })),
        ]}
      />
      <SelectField
        label="Sync status"
        value={props.query.syncStatus}
        onChange={(value) => props.onChange({ syncStatus: value as ProductQuery['syncStatus'] })}
        options={[
          { value: '', label: 'Any' },
          { value: 'pending', label: 'Push pending' },
          { value: 'failed', label: 'Last push failed' },
          { value: 'ok', label: 'In sync' },
        ]}
      />
    </search>
  );
}
