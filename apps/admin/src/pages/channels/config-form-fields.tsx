import { For, Match, Switch } from 'solid-js';
import type { ConfigField } from '../../lib/config-form.ts';
import { TextField } from '../../ui/text-field.tsx';
import { ToggleSwitch } from '../../ui/toggle-switch.tsx';

/**
 * One input per connector setting, as its JSON Schema describes it (secrets as password inputs). `configured`
 * names the settings a channel has now, whose values are never sent back: their hints say so.
 */
export function ConfigFormFields(props: {
  fields: ConfigField[];
  values: Record<string, string | boolean>;
  errors: Map<string, string>;
  onChange: (name: string, value: string | boolean) => void;
  configured?: ReadonlySet<string>;
}) {
  return (
    <For each={props.fields}>
      {(field) => {
        const text = () => {
          const v = props.values[field.name];
          return typeof v === 'string' ? v : '';
        };
        const hint = () =>
          [
            field.description,
            field.kind === 'secret' ? 'Stored encrypted; never shown again.' : undefined,
            props.configured?.has(field.name) ? 'Set now (the value is not shown).' : undefined,
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
                required={field.required}
                autocomplete={field.kind === 'secret' ? 'new-password' : 'off'}
                value={text()}
                onInput={(e) => props.onChange(field.name, e.currentTarget.value)}
                hint={hint()}
                error={props.errors.get(field.name)}
              />
            </Match>
          </Switch>
        );
      }}
    </For>
  );
}
