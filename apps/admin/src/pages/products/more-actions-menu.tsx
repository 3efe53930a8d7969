import { DropdownMenu } from '@kobalte/core/dropdown-menu';
import { useNavigate } from '@solidjs/router';

/** The three-horizontal-dots menu next to Create Product. */
export function MoreActionsMenu(props: { storeId: number }) {
  const navigate = useNavigate();
  return (
    <DropdownMenu>
      <DropdownMenu.Trigger class="icon-button dots-button" aria-label="More actions">
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
          <circle cx="5" cy="12" r="2" />
          <circle cx="12" cy="12" r="2" />
          <circle cx="19" cy="12" r="2" />
        </svg>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content class="popover menu">
          <DropdownMenu.Item
            class="menu-item"
            onSelect={() => navigate(`/stores/${props.storeId}/sync-history`)}
          >
            Sync History
          </DropdownMenu.Item>
          <DropdownMenu.Item class="menu-item" onSelect={() => navigate(`/stores/${props.storeId}/uploads`)}>
            Upload CSV
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu>
  );
}
