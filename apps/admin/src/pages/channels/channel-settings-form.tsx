import { createEffect, createMemo, createResource, createSignal, on, Show } from 'solid-js';
import { useApi } from '../../api/api-context.tsx';
import { unwrap } from '../../api/client.ts';
import { errorMessage } from '../../api/problem.ts';
import type { Channel } from '../../api/types.ts';
import { configFieldOf, configFields, configFromValues, initialValues } from '../../lib/config-form.ts';
import { createFormSubmit } from '../../lib/form-submit.ts';
import { latest } from '../../lib/latest.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { FormFooter } from '../../ui/form-footer.tsx';
import { notify } from '../../ui/toaster.tsx';
import { ConfigFormFields } from './config-form-fields.tsx';

/**
 * A channel's settings, in the form generated from its connector's config schema. The server never returns
 * a stored value (secrets above all) and `PATCH config` replaces the whole config, so the form starts from
 * the connector's defaults and says which settings are set now: whatever is left blank is not kept.
 */
export function ChannelSettingsForm(props: {
  storeId: number;
  channel: Channel;
  onSaved: (channel: Channel) => void;
}) {
  const api = useApi();
  const [connectors] = createResource(() => unwrap(api.GET('/connectors')).then((r) => r.items));
  const connector = () => latest(connectors)?.find((c) => c.id === props.channel.connectorId);
  const fields = createMemo(() => configFields(connector()?.configSchema));
  const configured = createMemo(() => new Set(props.channel.configuredFields));
  const [values, setValues] = createSignal<Record<string, string | boolean>>({});
  // A setting the channel has starts blank rather than at the connector's default, which may not be its value.
  const startValues = () => {
    const values = initialValues(fields());
    for (const field of fields()) {
      if (field.kind !== 'boolean' && configured().has(field.name)) values[field.name] = '';
    }
    return values;
  };
  createEffect(on(fields, () => setValues(startValues())));
  const disconnected = () => props.channel.status === 'disconnected';
  const setNow = () =>
    fields()
      .filter((f) => configured().has(f.name))
      .map((f) => f.label);

  // The server names config fields `body.config.<name>`; the form's fields are keyed by the bare name.
  const form = createFormSubmit(async () => {
    const { config, errors: local } = configFromValues(fields(), values());
    if (local.size > 0) {
      form.reject(local);
      return;
    }
    try {
      const channel = await unwrap(
        api.PATCH('/stores/{storeId}/channels/{channelId}', {
          params: { path: { storeId: props.storeId, channelId: props.channel.id } },
          // A disconnected channel comes back with its new settings.
          body: { config, ...(disconnected() && { status: 'active' as const }) },
        }),
      );
      notify(
        'success',
        `Settings of ${channel.name} saved`,
        channel.status === 'active' ? 'Every product with Auto Sync on is pushed to it again.' : undefined,
      );
      props.onSaved(channel);
      setValues(startValues());
    } catch (error) {
      notify('error', `Could not save the settings of ${props.channel.name}`, errorMessage(error));
      throw error;
    }
  }, configFieldOf);

  return (
    <section class="card" aria-labelledby="channel-settings-title">
      <h2 id="channel-settings-title">Settings</h2>
      <ErrorAlert error={connectors.error} />
      <Show when={latest(connectors)}>
        <Show
          when={connector()}
          fallback={
            <p class="form-error" role="alert">
              The connector “{props.channel.connectorId}” is not installed on this server.
            </p>
          }
        >
          {(c) => (
            <form
              class="form"
              onSubmit={(event) => void form.submit(event)}
              aria-describedby="channel-settings-note"
            >
              <p class="muted" id="channel-settings-note">
                {c().displayName}. Stored settings are never shown, and saving replaces all of them: fill in
                every setting you want to keep, secrets included; a setting left blank is removed (the
                connector's default applies).{' '}
                {setNow().length > 0 ? `Set now: ${setNow().join(', ')}.` : 'Nothing is set now.'}
              </p>
              <ConfigFormFields
                fields={fields()}
                values={values()}
                errors={form.fieldErrors()}
                configured={configured()}
                onChange={(field, value) => setValues((v) => ({ ...v, [field]: value }))}
              />
              <FormFooter
                error={form.error()}
                busy={form.busy()}
                submitLabel={disconnected() ? 'Save and reconnect' : 'Save settings'}
              />
            </form>
          )}
        </Show>
      </Show>
    </section>
  );
}
