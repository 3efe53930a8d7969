import { Select } from '@kobalte/core/select';
import { type JSX, Show } from 'solid-js';

const ANY = '\u0000any';

export interface SelectOption {
  value: string;
  label: string;
}

/** A labelled single-choice select (Kobalte: listbox popup, type-ahead, arrow keys). */
export function SelectField(props: {
  label: string;
  options: SelectOption[];
  value: string;
  onChange: (value: string) => void;
  /** Said under the select and tied to it (aria-describedby), like TextField's hint. */
  hint?: JSX.Element;
  class?: string;
  /** For screen readers only (a select in a table row, where the column header names it). */
  hideLabel?: boolean;
  disabled?: boolean;
}) {
  // Kobalte keys options by value and treats an empty key as “nothing selected”: “Any” ('') gets a key of its own.
  const keyOf = (option: SelectOption) => option.value || ANY;
  const selected = () => props.options.find((o) => o.value === props.value) ?? props.options[0];
  return (
    <Select<SelectOption>
      class={`field select-field ${props.class ?? ''}`}
      options={props.options}
      optionValue={keyOf}
      optionTextValue="label"
      value={selected()}
      // Kobalte reports the selection again when the options are rebuilt (new labels): only a change is passed on.
      onChange={(option) => option && option.value !== props.value && props.onChange(option.value)}
      disallowEmptySelection
      disabled={props.disabled ?? false}
      modal
      itemComponent={(item) => (
        <Select.Item item={item.item} class="select-item">
          <Select.ItemLabel>{item.item.rawValue.label}</Select.ItemLabel>
          <Select.ItemIndicator class="select-item-indicator">✓</Select.ItemIndicator>
        </Select.Item>
      )}
    >
      <Select.Label class={props.hideLabel ? 'sr-only' : 'field-label'}>{props.label}</Select.Label>
      <Select.Trigger class="select-trigger">
        <Select.Value<SelectOption>>{(state) => state.selectedOption()?.label}</Select.Value>
        <Select.Icon class="select-icon">▾</Select.Icon>
      </Select.Trigger>
      <Show when={props.hint}>
        <Select.Description class="field-hint">{props.hint}</Select.Description>
      </Show>
      <Select.Portal>
        <Select.Content class="popover select-content">
          <Select.Listbox class="select-listbox" />
        </Select.Content>
      </Select.Portal>
    </Select>
  );
}
