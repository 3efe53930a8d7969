import { createSignal, Show } from 'solid-js';
import { useApi } from '../../api/api-context.tsx';
import { unwrap } from '../../api/client.ts';
import { ApiError, errorMessage } from '../../api/problem.ts';
import type { components } from '../../api/schema.gen.ts';
import { CopyButton } from '../../ui/copy-button.tsx';
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
  const [nameError, setNameError] = createSignal<string>();
  const [formError, setFormError] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  const [created, setCreated] = createSignal<CreatedApiToken>();

  const close = (open: boolean) => {
    if (open) return;
    setCreated(undefined);
    setName('');
    setNameError(undefined);
    setFormError(undefined);
    props.onOpenChange(false);
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setBusy(true);
    setNameError(undefined);
    setFormError(undefined);
    try {
      const result = await unwrap(
        api.POST('/stores/{storeId}/tokens', {
          params: { path: { storeId: props.storeId } },
          body: { name: name() },
        }),
      );
      setCreated(result);
      notify('success', `API token ${result.token.name} created`, 'Copy its secret now.');
      props.onCreated();
    } catch (error) {
      if (error instanceof ApiError) setNameError(error.fieldErrors().get('body.name'));
      setFormError(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={props.open}
      onOpenChange={close}
      title={created() ? `Copy the secret of ${created()?.token.name}` : 'Create API token'}
    >
      <Show
        when={created()}
        fallback={
          <form class="form" onSubmit={submit}>
            <TextField
              label="Token name"
              name="name"
              required
              placeholder="Warehouse scanner"
              hint="Say what will use it, so you know which one to revoke later."
              value={name()}
              onInput={(e) => setName(e.currentTarget.value)}
              error={nameError()}
            />
            <Show when={formError()}>
              <p class="form-error" role="alert">
                {formError()}
              </p>
            </Show>
            <div class="form-actions">
              <button type="button" class="button" onClick={() => close(false)}>
                Cancel
              </button>
              <button type="submit" class="button button-primary" disabled={busy()}>
                {busy() ? 'Creating…' : 'Create token'}
              </button>
            </div>
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
