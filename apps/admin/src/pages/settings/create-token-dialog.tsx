import { createSignal, Show } from 'solid-js';
import { useApi } from '../../api/api-context.tsx';
import { unwrap } from '../../api/client.ts';
import type { components } from '../../api/schema.gen.ts';
import { createFormSubmit } from '../../lib/form-submit.ts';
import { CopyButton } from '../../ui/copy-button.tsx';
import { FormFooter } from '../../ui/form-footer.tsx';
import { Modal } from '../../ui/modal.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { notify } from '../../ui/toaster.tsx';

type CreatedApiToken = components['schemas']['CreatedApiToken'];

/**
 * Create an API token: name it, then its secret is shown this once (only its hash is stored) with a copy
 * button. Closing the dialog forgets the secret.
 */
export function CreateTokenDialog(props: {
  storeId: number;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCreated: () => void;
}) {
  const api = useApi();
  const [name, setName] = createSignal('');
  const [created, setCreated] = createSignal<CreatedApiToken>();

  const close = (open: boolean) => {
    if (open) return;
    setCreated(undefined);
    setName('');
    form.clear();
    props.onOpenChange(false);
  };

  const form = createFormSubmit(async () => {
    const result = await unwrap(
      api.POST('/stores/{storeId}/tokens', {
        params: { path: { storeId: props.storeId } },
        body: { name: name() },
      }),
    );
    setCreated(result);
    notify('success', `API token ${result.token.name} created`, 'Copy its secret now.');
    props.onCreated();
  });

  return (
    <Modal
      open={props.open}
      onOpenChange={close}
      title={created() ? `Copy the secret of ${created()?.token.name}` : 'Create API token'}
    >
      <Show
        when={created()}
        fallback={
          <form class="form" onSubmit={(event) => void form.submit(event)}>
            <TextField
              label="Token name"
              name="name"
              required
              placeholder="Warehouse scanner"
              hint="Say what will use it, so you know which one to revoke later."
              value={name()}
              onInput={(e) => setName(e.currentTarget.value)}
              error={form.fieldErrors().get('body.name')}
            />
            <FormFooter
              error={form.error()}
              busy={form.busy()}
              submitLabel="Create token"
              busyLabel="Creating…"
              onCancel={() => close(false)}
            />
          </form>
        }
      >
        {(result) => (
          <div class="form">
            <p class="warning-text" id="token-secret-note">
              You won’t see this secret again. Copy it now and keep it somewhere safe: Ballast stores only a
              hash of it. If you lose it, revoke the token and create another.
            </p>
            <div class="secret-row">
              <TextField
                label="Secret"
                class="secret-field"
                readOnly
                value={result().secret}
                onFocus={(e) => e.currentTarget.select()}
                hint={
                  <>
                    Send it as <code>Authorization: Bearer &lt;secret&gt;</code>.
                  </>
                }
              />
              <CopyButton text={result().secret} label="Copy secret" what="Secret" />
            </div>
            <div class="form-actions">
              <button type="button" class="button button-primary" onClick={() => close(false)}>
                Done
              </button>
            </div>
          </div>
        )}
      </Show>
    </Modal>
  );
}
