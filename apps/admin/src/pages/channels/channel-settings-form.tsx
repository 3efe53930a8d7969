import { createEffect, createMemo, createResource, createSignal, on, Show } from 'solid-js';
import { useApi } from '../../api/api-context.tsx';
import { unwrap } from '../../api/client.ts';
import { errorMessage } from '../../api/problem.ts';
import type { Channel } from '../../api/types.ts';
import {
  type ConfigField,
  configFieldOf,
  configFields,
  configFromValues,
  initialValues,
} from '../../lib/config-form.ts';
import { createFormSubmit } from '../../lib/form-submit.ts';
import { latest } from '../../lib/latest.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { FormFooter } from '../../ui/form-footer.tsx';
import { notify } from '../../ui/toaster.tsx';
import { ConfigFormFields } from './config-form-fields.tsx';

type Values = Record<string, string | boolean>;

/**
 * A channel's settings, in the form generated from its connector's config schema. It starts from the values
 * the channel has (the server returns every setting but the secrets) and saves only an edit, which the server
 * merges: a secret left blank keeps its stored value, an optional setting emptied is removed (the connector's
 * default applies), and an optional secret can be marked for removal.
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
  const [values, setValues] = createSignal<Values>({});
  const [removing, setRemoving] = createSignal<ReadonlySet<string>>(new Set());
  const reset = (channel: Channel) => {
    setValues(startValues(fields(), channel));
    setRemoving(new Set<string>());
  };
  // Again when what is stored changes, not on every refresh of the channel (that would wipe what is typed).
  const stored = createMemo(() => JSON.stringify([props.channel.config, props.channel.configuredFields]));
  createEffect(on([fields, stored], () => reset(props.channel)));
  const disconnected = () => props.channel.status === 'disconnected';

  // The server names config fields `body.config.<name>`; the form's fields are keyed by the bare name.
  const form = createFormSubmit(async () => {
    const { config, errors: local } = configEdit(fields(), values(), props.channel, removing());
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
      // Typed secrets are cleared even when nothing shown changed.
      reset(channel);
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
                {disconnected()
                  ? `${c().displayName}. The channel was disconnected and its settings deleted: fill them in ` +
                    'again to reconnect it.'
                  : `${c().displayName}. Secrets are never shown: leave one blank to keep it. An optional ` +
                    "setting left empty is removed (the connector's default applies)."}
              </p>
              <ConfigFormFields
                fields={fields()}
                values={values()}
                errors={form.fieldErrors()}
                configured={configured()}
                removing={removing()}
                onRemoveChange={(name, remove) =>
                  setRemoving((now) => {
                    const next = new Set(now);
                    if (remove) next.add(name);
                    else next.delete(name);
                    return next;
                  })
                }
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

/** The channel's values where it has them, the connector's defaults elsewhere; secrets start blank. */
function startValues(fields: readonly ConfigField[], channel: Channel): Values {
  const values = initialValues(fields);
  for (const field of fields) {
    if (field.kind === 'secret') {
      values[field.name] = '';
      continue;
    }
    const value = valueAt(channel.config, field.name);
    if (value === undefined || value === null) continue;
    if (field.kind === 'boolean') values[field.name] = value === true;
    else values[field.name] = typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
  return values;
}

/**
 * The `config` edit for the form's values: settings as typed, `null` for a stored optional setting emptied or
 * a secret marked for removal. A blank setting the server keeps without showing it (a secret, or anything it
 * withheld) is left out, so it keeps its stored value.
 */
function configEdit(
  fields: readonly ConfigField[],
  values: Values,
  channel: Channel,
  removing: ReadonlySet<string>,
): { config: Record<string, unknown>; errors: Map<string, string> } {
  const blank = (field: ConfigField) =>
    field.kind !== 'boolean' && String(values[field.name] ?? '').trim() === '';
  const hasStored = (field: ConfigField) =>
    channel.configuredFields.some((path) => path === field.name || path.startsWith(`${field.name}.`));
  const keptUnseen = (field: ConfigField) =>
    hasStored(field) && (field.kind === 'secret' || valueAt(channel.config, field.name) === undefined);

  const sent = fields.filter((f) => !removing.has(f.name) && !(blank(f) && keptUnseen(f)));
  const { config, errors } = configFromValues(sent, values);
  for (const field of fields) {
    const cleared = removing.has(field.name) || (blank(field) && !field.required && !keptUnseen(field));
    if (cleared && hasStored(field)) setAt(config, field.name, null);
  }
  return { config, errors };
}

function valueAt(config: Channel['config'], path: string): unknown {
  let node: unknown = config;
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function setAt(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (typeof next === 'object' && next !== null) {
      node = next as Record<string, unknown>;
    } else {
      const created: Record<string, unknown> = {};
      node[key] = created;
      node = created;
    }
  }
  node[keys.at(-1)!] = value;
}
