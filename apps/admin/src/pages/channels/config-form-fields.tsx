import { For, Match, Show, Switch } from 'solid-js';
import type { ConfigField } from '../../lib/config-form.ts';
import { TextField } from '../../ui/text-field.tsx';
import { ToggleSwitch } from '../../ui/toggle-switch.tsx';

/**
 * One input per connector setting, as its JSON Schema describes it (secrets as password inputs). `configured`
 * names the settings a channel has now: a secret among them is never sent back, so its input starts blank and
 * blank keeps it; with `onRemoveChange`, an optional one can be marked for removal (`removing`) instead.
 */
export function ConfigFormFields(props: {
  fields: ConfigField[];
  values: Record<string, string | boolean>;
  errors: Map<string, string>;
  onChange: (name: string, value: string | boolean) => void;
  configured?: ReadonlySet<string>;
  removing?: ReadonlySet<string>;
  onRemoveChange?: (name: string, remove: boolean) => void;
}) {
  return (
    <For each={props.fields}>
      {(field) => {
        const text = () => {
          const v = props.values[field.name];
          return typeof v === 'string' ? v : '';
        };
        // A secret the channel has: blank keeps it, so it is never required here.
        const storedSecret = () => field.kind === 'secret' && (props.configured?.has(field.name) ?? false);
        const removing = () => props.removing?.has(field.name) ?? false;
        const hint = () =>
          [
            field.description,
            storedSecret()
              ? removing()
                ? 'Removed when you save.'
                : 'Set now and never shown: leave blank to keep it.'
              : field.kind === 'secret'
                ? 'Stored encrypted; never shown again.'
                : undefined,
            !field.required && field.default === undefined ? 'Optional.' : undefined,
          ]
            .filter(Boolean)
            .join(' ') || undefined;
        return (
          <Switch>
            <Match when={field.kind === 'boolean'}>
              <div class="field">
                <ToggleSwitch
                  label={field.label}
                  checked={props.values[field.name] === true}
                  onChange={(checked) => props.onChange(field.name, checked)}
                />
              </div>
            </Match>
            <Match when={field.kind === 'choice'}>
              <div class="field">
                <label class="field-label" for={`config-${field.name}`}>
                  {field.label}
                </label>
                <select
                  id={`config-${field.name}`}
                  class="input"
                  value={text()}
                  onChange={(e) => props.onChange(field.name, e.currentTarget.value)}
                >
                  <option value="">—</option>
                  <For each={field.options}>{(o) => <option value={o}>{o}</option>}</For>
                </select>
              </div>
            </Match>
            <Match when={true}>
              <TextField
                id={`config-${field.name}`}
                label={field.label}
                name={field.name}
                type={
                  field.kind === 'secret'
                    ? 'password'
                    : field.kind === 'url'
                      ? 'url'
                      : field.kind === 'integer' || field.kind === 'number'
                        ? 'number'
                        : 'text'
                }
                step={field.kind === 'number' ? 'any' : undefined}
                min={field.min}
                max={field.max}
                required={field.required && !storedSecret()}
                placeholder={storedSecret() ? 'Leave blank to keep' : undefined}
                disabled={removing()}
                autocomplete={field.kind === 'secret' ? 'new-password' : 'off'}
                value={text()}
                onInput={(e) => props.onChange(field.name, e.currentTarget.value)}
                hint={hint()}
                error={props.errors.get(field.name)}
              />
              <Show when={storedSecret() && !field.required && props.onRemoveChange}>
                {(onRemoveChange) => (
                  <div class="field">
                    <ToggleSwitch
                      label={`Remove the stored ${inSentence(field.label)}`}
                      checked={removing()}
                      onChange={(remove) => onRemoveChange()(field.name, remove)}
                    />
                  </div>
                )}
              </Show>
            </Match>
          </Switch>
        );
      }}
    </For>
  );
}

/** `Order signing secret` -> `order signing secret`; `API key` stays as it is. */
function inSentence(label: string): string {
  const second = label.charAt(1);
  return second !== '' && second === second.toUpperCase()
    ? label
    : label.charAt(0).toLowerCase() + label.slice(1);
}
