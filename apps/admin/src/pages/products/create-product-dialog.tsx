import { createSignal, For, Show } from 'solid-js';
import { useApi } from '../../api/api-context.tsx';
import { unwrap } from '../../api/client.ts';
import type { Product, ProductKind } from '../../api/types.ts';
import { createFormSubmit } from '../../lib/form-submit.ts';
import { FormDialog } from '../../ui/form-dialog.tsx';
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
  const reset = () => {
    setSku('');
    setName('');
    setKind('simple');
    setComponents([{ sku: '', quantity: '1' }]);
    form.clear();
  };

  const form = createFormSubmit(async () => {
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
    props.onCreated(product);
  });

  const updateComponent = (index: number, patch: Partial<ComponentRow>) =>
    setComponents((rows) => rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  return (
    <FormDialog
      title="Create Product"
      submitLabel="Create Product"
      busyLabel="Creating…"
      open={props.open}
      onOpenChange={(open) => {
        if (!open) reset();
        props.onOpenChange(open);
      }}
      form={form}
    >
      <TextField
        label="SKU"
        name="sku"
        required
        value={sku()}
        onInput={(e) => setSku(e.currentTarget.value)}
        error={form.fieldErrors().get('body.sku')}
      />
      <TextField
        label="Name"
        name="name"
        required
        value={name()}
        onInput={(e) => setName(e.currentTarget.value)}
        error={form.fieldErrors().get('body.name')}
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
                  error={form.fieldErrors().get(`body.components[${index()}].sku`)}
                />
                <TextField
                  label="Quantity"
                  type="number"
                  min="1"
                  value={row.quantity}
                  onInput={(e) => updateComponent(index(), { quantity: e.currentTarget.value })}
                  error={form.fieldErrors().get(`body.components[${index()}].quantity`)}
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
    </FormDialog>
  );
}
