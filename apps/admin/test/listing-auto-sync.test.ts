import { describe, expect, it } from 'vitest';
import {
  choiceOf,
  listingAutoSyncConfirmation,
  listingAutoSyncOptions,
  listingOverrideMarker,
  overrideOf,
} from '../src/lib/listing-auto-sync.ts';

describe('a listing’s Auto Sync choice', () => {
  it('maps the API’s override to the three choices and back', () => {
    for (const override of [null, true, false]) expect(overrideOf(choiceOf(override))).toBe(override);
    expect([null, true, false].map(choiceOf)).toEqual(['follow', 'on', 'off']);
  });

  it('says what following the product means now', () => {
    expect(listingAutoSyncOptions(true).map((o) => o.label)).toEqual([
      'Follow product (On)',
      'Always on',
      'Always off',
    ]);
    expect(listingAutoSyncOptions(false)[0]).toEqual({ value: 'follow', label: 'Follow product (Off)' });
  });

  it('confirms what the server answered, and whether pushes start, stop or stay as they were', () => {
    const listing = (autoSyncOverride: boolean | null, autoSync: boolean) => ({
      sku: 'MUG',
      autoSyncOverride,
      autoSync,
    });
    expect(listingAutoSyncConfirmation(listing(false, false), 'Amazon', true)).toEqual({
      title: 'Auto Sync always off for MUG on Amazon',
      detail: 'Its quantity will no longer be pushed to Amazon.',
    });
    expect(listingAutoSyncConfirmation(listing(true, true), 'Amazon', false)).toEqual({
      title: 'Auto Sync always on for MUG on Amazon',
      detail: 'Its syncable balance is being pushed to Amazon.',
    });
    expect(listingAutoSyncConfirmation(listing(null, true), 'Amazon', true)).toEqual({
      title: 'MUG follows the product’s Auto Sync (On) on Amazon',
      detail: 'Its quantity is still pushed to Amazon.',
    });
    expect(listingAutoSyncConfirmation(listing(null, false), 'Amazon', false).detail).toBe(
      'Its quantity is still not pushed to Amazon.',
    );
  });
});

describe('the products list’s marker for a listing that overrides its product', () => {
  it('marks always on and always off, each saying whether the channel’s number is pushed, and not a follower', () => {
    expect(listingOverrideMarker(null, 'Amazon')).toBeNull();
    expect(listingOverrideMarker(false, 'Amazon')).toEqual({
      label: 'Always off',
      description: 'Auto Sync always off for this listing: never pushed to Amazon',
    });
    expect(listingOverrideMarker(true, 'Amazon')).toEqual({
      label: 'Always on',
      description: 'Auto Sync always on for this listing: pushed to Amazon even while the product is off',
    });
  });
});
