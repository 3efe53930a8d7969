import { createEffect, createMemo, createResource, createSignal, on, Show } from 'solid-js';
import { useApi } from '../../api/api-context.tsx';
import { unwrap } from '../../api/client.ts';
import { ApiError, errorMessage } from '../../api/problem.ts';
import type { Channel } from '../../api/types.ts';
import { configFieldOf, configFields, configFromValues, initialValues } from '../../lib/config-form.ts';
import { latest } from '../../lib/latest.ts';
import { Modal } from '../../ui/modal.tsx';
import { SelectField } from '../../ui/select-field.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { notify } from '../../ui/toaster.tsx';
import { ConfigFormFields } from './config-form-fields.tsx';

/** Connect a channel: pick a connector, name the channel, fill the form generated from its config schema. */
export function ConnectChannelDialog(props: {
  storeId: number;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onConnected: (channel: Channel) => void;
}) {
  const api = useApi();
  const [connectors] = createResource(
    () => props.open || undefined,
    () => unwrap(api.GET('/connectors')).then((r) => r.items),
  );
  const [connectorId, setConnectorId] = createSignal('');
  const connector = () => latest(connectors)?.find((c) => c.id === connectorId()) ?? latest(connectors)?.[0];
  const fields = createMemo(() => configFields(connector()?.configSchema));
  const [name, setName] = createSignal('');
  const [values, setValues] = createSignal<Record<string, string | boolean>>({});
  const [errors, setErrors] = createSignal(new Map<string, string>());
  const [nameError, setNameError] = createSignal<string>();
  const [formError, setFormError] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  // A new connector starts from its defaults.
  createEffect(on(fields, (list) => setValues(initialValues(list))));

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const chosen = connector();
    if (!chosen) return;
    const { config, errors: local } = configFromValues(fields(), values());
    setErrors(local);
    setNameError(undefined);
    setFormError(undefined);
    if (local.size > 0) return;
    setBusy(true);
    try {
      const channel = await unwrap(
        api.POST('/stores/{storeId}/channels', {
          params: { path: { storeId: props.storeId } },
          body: { connectorId: chosen.id, name: name(), config },
        }),
      );
      notify(
        'success',
        `${channel.name} connected`,
        'Products with Auto Sync on are being pushed to it now.',
      );
      setName('');
      props.onConnected(channel);
    } catch (error) {
      if (error instanceof ApiError) {
        const byField = new Map<string, string>();
        for (const [field, reason] of error.fieldErrors()) {
          const configField = configFieldOf(field);
          if (configField) byField.set(configField, reason);
          else if (field === 'body.name') setNameError(reason);
        }
        setErrors(byField);
      }
      setFormError(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={props.open} onOpenChange={props.onOpenChange} title="Connect a channel">
      <Show when={connectors.error}>
        <p class="form-error" role="alert">
          {errorMessage(connectors.error)}
        </p>
      </Show>
      <Show when={latest(connectors)} fallback={<p>Loading connectors…</p>}>
        {(list) => (
          <form class="form" onSubmit={submit}>
            <SelectField
              label="Connector"
              value={connector()?.id ?? ''}
              options={list().map((c) => ({ value: c.id, label: c.displayName }))}
              onChange={setConnectorId}
            />
            <Show when={connector()?.description}>
              <p class="muted">{connector()?.description}</p>
            </Show>
            <TextField
              label="Channel name"
              name="name"
              required
              placeholder="Web shop"
              value={name()}
              onInput={(e) => setName(e.currentTarget.value)}
              error={nameError()}
            />
            <fieldset class="fieldset">
              <legend>Settings</legend>
              <ConfigFormFields
                fields={fields()}
                values={values()}
                errors={errors()}
                onChange={(field, value) => setValues((v) => ({ ...v, [field]: value }))}
              />
            </fieldset>
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
                {busy() ? 'Connecting…' : 'Connect channel'}
              </button>
            </div>
          </form>
        )}
      </Show>
    </Modal>
  );
}
