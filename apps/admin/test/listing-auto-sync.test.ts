import { describe, expect, it } from 'vitest';
import {
  choiceOf,
  listingAutoSyncConfirmation,
  listingAutoSyncOptions,
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
