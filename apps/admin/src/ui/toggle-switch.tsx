import { Switch } from '@kobalte/core/switch';

/** An on/off switch (role="switch", Space toggles it); the label may be visible or for screen readers only. */
export function ToggleSwitch(props: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  hideLabel?: boolean;
}) {
  return (
    <Switch
      class="switch"
      checked={props.checked}
      onChange={props.onChange}
      disabled={props.disabled ?? false}
    >
      <Switch.Input class="switch-input" />
      <Switch.Control class="switch-control">
        <Switch.Thumb class="switch-thumb" />
      </Switch.Control>
      <Switch.Label class={props.hideLabel ? 'sr-only' : 'switch-label'}>{props.label}</Switch.Label>
    </Switch>
  );
}
