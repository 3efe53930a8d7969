import { createEffect, createMemo, createResource, createSignal, on, Show } from 'solid-js';
import { useApi } from '../../api/api-context.tsx';
import { unwrap } from '../../api/client.ts';
import type { Channel } from '../../api/types.ts';
import { configFieldOf, configFields, configFromValues, initialValues } from '../../lib/config-form.ts';
import { createFormSubmit } from '../../lib/form-submit.ts';
import { latest } from '../../lib/latest.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { FormFooter } from '../../ui/form-footer.tsx';
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
  // A new connector starts from its defaults.
  createEffect(on(fields, (list) => setValues(initialValues(list))));

  // The server names config fields `body.config.<name>`; the form's fields are keyed by the bare name.
  const form = createFormSubmit(
    async () => {
      const chosen = connector();
      if (!chosen) return;
      const { config, errors: local } = configFromValues(fields(), values());
      if (local.size > 0) {
        form.reject(local);
        return;
      }
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
    },
    (field) => configFieldOf(field) ?? (field === 'body.name' ? field : undefined),
  );

  return (
    <Modal open={props.open} onOpenChange={props.onOpenChange} title="Connect a channel">
      <ErrorAlert error={connectors.error} />
      <Show when={latest(connectors)} fallback={<p>Loading connectors…</p>}>
        {(list) => (
          <form class="form" onSubmit={(event) => void form.submit(event)}>
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
              error={form.fieldErrors().get('body.name')}
            />
            <fieldset class="fieldset">
              <legend>Settings</legend>
              <ConfigFormFields
                fields={fields()}
                values={values()}
                errors={form.fieldErrors()}
                onChange={(field, value) => setValues((v) => ({ ...v, [field]: value }))}
              />
            </fieldset>
            <FormFooter
              error={form.error()}
              busy={form.busy()}
              submitLabel="Connect channel"
              busyLabel="Connecting…"
              onCancel={() => props.onOpenChange(false)}
            />
          </form>
        )}
      </Show>
    </Modal>
  );
}
