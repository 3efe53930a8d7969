import { createResource, createSignal, Show } from 'solid-js';
import { useApi } from '../../api/api-context.tsx';
import { unwrap } from '../../api/client.ts';
import { errorMessage } from '../../api/problem.ts';
import { latest } from '../../lib/latest.ts';

/** Filters by one product, named by its exact SKU; shows the chosen product with a way to clear it. */
export function ProductPicker(props: {
  storeId: number;
  productId: number | undefined;
  onChange: (productId: number | undefined) => void;
}) {
  const api = useApi();
  const [text, setText] = createSignal('');
  const [error, setError] = createSignal<string>();
  const [chosen] = createResource(
    () => props.productId,
    (productId) =>
      unwrap(
        api.GET('/stores/{storeId}/products/{productId}', {
          params: { path: { storeId: props.storeId, productId } },
        }),
      ),
  );

  const apply = async () => {
    const sku = text().trim();
    setError(undefined);
    if (!sku) return props.onChange(undefined);
    try {
      const page = await unwrap(
        api.GET('/stores/{storeId}/products', {
          params: { path: { storeId: props.storeId }, query: { q: sku, limit: 20, sort: 'sku' } },
        }),
      );
      const match = page.items.find((p) => p.sku.toLowerCase() === sku.toLowerCase());
      if (match) {
        setText('');
        props.onChange(match.id);
      } else setError(`No product has the SKU “${sku}”.`);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <Show
      when={props.productId === undefined}
      fallback={
        <div class="field">
          <span class="field-label">Product</span>
          <span class="chip">
            {latest(chosen)?.sku ?? `#${props.productId}`}
            <button
              type="button"
              class="chip-remove"
              aria-label="Clear product filter"
              onClick={() => props.onChange(undefined)}
            >
              ×
            </button>
          </span>
        </div>
      }
    >
      <form
        class="field"
        onSubmit={(e) => {
          e.preventDefault();
          void apply();
        }}
      >
        <label class="field-label" for="history-product">
          Product SKU
        </label>
        <input
          id="history-product"
          class="input"
          type="search"
          placeholder="Exact SKU, then Enter"
          value={text()}
          onInput={(e) => setText(e.currentTarget.value)}
          aria-invalid={error() ? true : undefined}
          aria-describedby={error() ? 'history-product-error' : undefined}
        />
        <Show when={error()}>
          <span class="field-error" id="history-product-error">
            {error()}
          </span>
        </Show>
      </form>
    </Show>
  );
}
