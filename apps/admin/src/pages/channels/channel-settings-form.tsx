import { createEffect, createMemo, createResource, createSignal, on, Show } from 'solid-js';
import { useApi } from '../../api/api-context.tsx';
import { unwrap } from '../../api/client.ts';
import { ApiError, errorMessage } from '../../api/problem.ts';
import type { Channel } from '../../api/types.ts';
import { configFieldOf, configFields, configFromValues, initialValues } from '../../lib/config-form.ts';
import { latest } from '../../lib/latest.ts';
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
  const [errors, setErrors] = createSignal(new Map<string, string>());
  const [formError, setFormError] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
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

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const { config, errors: local } = configFromValues(fields(), values());
    setErrors(local);
    setFormError(undefined);
    if (local.size > 0) return;
    setBusy(true);
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
      if (error instanceof ApiError) {
        const byField = new Map<string, string>();
        for (const [field, reason] of error.fieldErrors()) {
          const name = configFieldOf(field);
          if (name) byField.set(name, reason);
        }
        setErrors(byField);
      }
      setFormError(errorMessage(error));
      notify('error', `Could not save the settings of ${props.channel.name}`, errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="channel-settings-title">
      <h2 id="channel-settings-title">Settings</h2>
      <Show when={connectors.error}>
        <p class="form-error" role="alert">
          {errorMessage(connectors.error)}
        </p>
      </Show>
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
            <form class="form" onSubmit={submit} aria-describedby="channel-settings-note">
              <p class="muted" id="channel-settings-note">
                {c().displayName}. Stored settings are never shown, and saving replaces all of them: fill in
                every setting you want to keep, secrets included; a setting left blank is removed (the
                connector's default applies).{' '}
                {setNow().length > 0 ? `Set now: ${setNow().join(', ')}.` : 'Nothing is set now.'}
              </p>
              <ConfigFormFields
                fields={fields()}
                values={values()}
                errors={errors()}
                configured={configured()}
                onChange={(field, value) => setValues((v) => ({ ...v, [field]: value }))}
              />
              <Show when={formError()}>
                <p class="form-error" role="alert">
                  {formError()}
                </p>
              </Show>
              <div class="form-actions">
                <button type="submit" class="button button-primary" disabled={busy()}>
                  {busy() ? 'Saving…' : disconnected() ? 'Save and reconnect' : 'Save settings'}
                </button>
              </div>
            </form>
          )}
        </Show>
      </Show>
    </section>
  );
}
