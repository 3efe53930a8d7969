import { createSignal, For, Show } from 'solid-js';
import { useApi } from '../../api/api-context.tsx';
import { unwrap } from '../../api/client.ts';
import { ApiError, errorMessage } from '../../api/problem.ts';
import type { Product, ProductKind } from '../../api/types.ts';
import { Modal } from '../../ui/modal.tsx';
import { SelectField } from '../../ui/select-field.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { notify } from '../../ui/toaster.tsx';

interface ComponentRow {
  sku: string;
  quantity: string;
}

/** Create Product: SKU, name, kind and (kits, assemblies) components by SKU. Auto Sync starts off. */
export function CreateProductDialog(props: {
  storeId: number;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCreated: (product: Product) => void;
}) {
  const api = useApi();
  const [sku, setSku] = createSignal('');
  const [name, setName] = createSignal('');
  const [kind, setKind] = createSignal<ProductKind>('simple');
  const [components, setComponents] = createSignal<ComponentRow[]>([{ sku: '', quantity: '1' }]);
  const [errors, setErrors] = createSignal(new Map<string, string>());
  const [formError, setFormError] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);

  const reset = () => {
    setSku('');
    setName('');
    setKind('simple');
    setComponents([{ sku: '', quantity: '1' }]);
    setErrors(new Map());
    setFormError(undefined);
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors(new Map());
    setFormError(undefined);
    try {
      const product = await unwrap(
        api.POST('/stores/{storeId}/products', {
          params: { path: { storeId: props.storeId } },
          body: {
            sku: sku(),
            name: name(),
            kind: kind(),
            autoSync: false,
            components:
              kind() === 'simple'
                ? []
                : components()
                    .filter((c) => c.sku.trim() !== '')
                    .map((c) => ({ sku: c.sku.trim(), quantity: Number(c.quantity) })),
          },
        }),
      );
      notify('success', `Product ${product.sku} created`, 'Auto Sync is off until you turn it on.');
      reset();
      props.onCreated(product);
    } catch (error) {
      if (error instanceof ApiError) setErrors(error.fieldErrors());
      setFormError(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const updateComponent = (index: number, patch: Partial<ComponentRow>) =>
    setComponents((rows) => rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  return (
    <Modal
      open={props.open}
      onOpenChange={(open) => {
        if (!open) reset();
        props.onOpenChange(open);
      }}
      title="Create Product"
    >
      <form class="form" onSubmit={submit} id="create-product-form">
        <TextField
          label="SKU"
          name="sku"
          required
          value={sku()}
          onInput={(e) => setSku(e.currentTarget.value)}
          error={errors().get('body.sku')}
        />
        <TextField
          label="Name"
          name="name"
          required
          value={name()}
          onInput={(e) => setName(e.currentTarget.value)}
          error={errors().get('body.name')}
        />
        <SelectField
          label="Kind"
          value={kind()}
          onChange={(value) => setKind(value as ProductKind)}
          options={[
            { value: 'simple', label: 'Simple (own stock)' },
            { value: 'kit', label: 'Kit (bundle of components)' },
            { value: 'assembly', label: 'Assembly (built by work orders)' },
          ]}
        />
        <Show when={kind() !== 'simple'}>
          <fieldset class="fieldset">
            <legend>Components</legend>
            <For each={components()}>
              {(row, index) => (
                <div class="inline-fields">
                  <TextField
                    label={`Component ${index() + 1} SKU`}
                    value={row.sku}
                    onInput={(e) => updateComponent(index(), { sku: e.currentTarget.value })}
                    error={errors().get(`body.components[${index()}].sku`)}
                  />
                  <TextField
                    label="Quantity"
                    type="number"
                    min="1"
                    value={row.quantity}
                    onInput={(e) => updateComponent(index(), { quantity: e.currentTarget.value })}
                    error={errors().get(`body.components[${index()}].quantity`)}
                  />
                </div>
              )}
            </For>
            <button
              type="button"
              class="button button-small"
              onClick={() => setComponents((rows) => [...rows, { sku: '', quantity: '1' }])}
            >
              Add component
            </button>
          </fieldset>
        </Show>
        <Show when={formError()}>
          <p class="form-error" role="alert">
            {formError()}
          </p>
        </Show>
        <div class="form-actions">
          <button type="button" class="button" onClick={() => props.onOpenChange(false)}>
            Cancel
          </button>
          <button type="submit" class="button button-primary" disabled={busy()}>
            {busy() ? 'Creating…' : 'Create Product'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
