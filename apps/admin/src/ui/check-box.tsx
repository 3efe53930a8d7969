import { Checkbox } from '@kobalte/core/checkbox';

/** A checkbox whose label is read by screen readers only (table row and header selection). */
export function CheckBox(props: {
  label: string;
  checked: boolean;
  indeterminate?: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
}) {
  return (
    <Checkbox
      class="checkbox"
      checked={props.checked}
      indeterminate={props.indeterminate ?? false}
      onChange={props.onChange}
      disabled={props.disabled ?? false}
    >
      <Checkbox.Input class="checkbox-input" />
      <Checkbox.Control class="checkbox-control">
        <Checkbox.Indicator class="checkbox-indicator">{props.indeterminate ? '–' : '✓'}</Checkbox.Indicator>
      </Checkbox.Control>
      <Checkbox.Label class="sr-only">{props.label}</Checkbox.Label>
    </Checkbox>
  );
}
