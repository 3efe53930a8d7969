import { DropdownMenu } from '@kobalte/core/dropdown-menu';

export const TURN_ON_LABEL = 'Turn On Auto Sync for Selected Products';
export const TURN_OFF_LABEL = 'Turn Off Auto Sync for Selected Products';

/** The “Bulk Actions” drop-down; disabled until something is selected. */
export function BulkActionsMenu(props: {
  selectedCount: number;
  onTurnOn: () => void;
  onTurnOff: () => void;
}) {
  return (
    <DropdownMenu>
      <DropdownMenu.Trigger class="button" disabled={props.selectedCount === 0}>
        Bulk Actions
        <DropdownMenu.Icon class="menu-icon">▾</DropdownMenu.Icon>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content class="popover menu">
          <DropdownMenu.Item class="menu-item" onSelect={() => props.onTurnOn()}>
            {TURN_ON_LABEL}
          </DropdownMenu.Item>
          <DropdownMenu.Item class="menu-item" onSelect={() => props.onTurnOff()}>
            {TURN_OFF_LABEL}
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu>
  );
}
