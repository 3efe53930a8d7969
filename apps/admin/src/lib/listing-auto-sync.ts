/** A listing's Auto Sync as the merchant chooses it: follow the product, or always on / off on this channel. */
export type ListingAutoSyncChoice = 'follow' | 'on' | 'off';

const onOff = (on: boolean) => (on ? 'On' : 'Off');

/** The API's override (null = follow the product) as a choice, and back. */
export function choiceOf(override: boolean | null): ListingAutoSyncChoice {
  return override === null ? 'follow' : override ? 'on' : 'off';
}

export function overrideOf(choice: ListingAutoSyncChoice): boolean | null {
  return choice === 'follow' ? null : choice === 'on';
}

/** The three choices; following says what it means now, from the product's own flag. */
export function listingAutoSyncOptions(
  productAutoSync: boolean,
): { value: ListingAutoSyncChoice; label: string }[] {
  return [
    { value: 'follow', label: `Follow product (${onOff(productAutoSync)})` },
    { value: 'on', label: 'Always on' },
    { value: 'off', label: 'Always off' },
  ];
}

/**
 * What the confirmation toast says once the server took the choice, from the listing it answered and whether
 * the product was pushed to the channel before.
 */
export function listingAutoSyncConfirmation(
  listing: { sku: string; autoSyncOverride: boolean | null; autoSync: boolean },
  channelName: string,
  wasOn: boolean,
): { title: string; detail: string } {
  const title =
    listing.autoSyncOverride === null
      ? `${listing.sku} follows the product’s Auto Sync (${onOff(listing.autoSync)}) on ${channelName}`
      : `Auto Sync always ${listing.autoSyncOverride ? 'on' : 'off'} for ${listing.sku} on ${channelName}`;
  const detail =
    listing.autoSync === wasOn
      ? `Its quantity is ${listing.autoSync ? 'still' : 'still not'} pushed to ${channelName}.`
      : listing.autoSync
        ? `Its syncable balance is being pushed to ${channelName}.`
        : `Its quantity will no longer be pushed to ${channelName}.`;
  return { title, detail };
}

/**
 * The marker a products list shows next to a channel's number when the listing overrides the product's Auto
 * Sync there: null while it follows the product. The description says whether that number is pushed.
 */
export function listingOverrideMarker(
  override: boolean | null,
  channelName: string,
): { label: string; description: string } | null {
  if (override === null) return null;
  return override
    ? {
        label: 'Always on',
        description: `Auto Sync always on for this listing: pushed to ${channelName} even while the product is off`,
      }
    : {
        label: 'Always off',
        description: `Auto Sync always off for this listing: never pushed to ${channelName}`,
      };
}
