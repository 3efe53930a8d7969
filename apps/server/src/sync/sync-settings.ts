import type { SyncEngineOptions } from '@ballast/sync-engine';

/** The sync engine's timing that a Ballast process sets (the rest are the engine's own defaults). */
const SYNC_SETTING_NAMES = [
  'pollIntervalMs',
  'coalesceMs',
  'minWakeGapMs',
  'pendingPollIntervalMs',
  'pendingTimeoutMs',
  'notListedRecheckMs',
] as const satisfies readonly (keyof SyncEngineOptions)[];

/** Plain numbers, so they cross into the sync thread as they are. */
export type SyncSettings = Pick<SyncEngineOptions, (typeof SYNC_SETTING_NAMES)[number]>;

/**
 * The engine settings among `source` (the server's configuration, say): each one that is set, and nothing
 * else, so the engine's default stands for a setting left out.
 */
export function syncSettingsOf(source: { [K in keyof SyncSettings]?: number | undefined }): SyncSettings {
  const settings: SyncSettings = {};
  for (const name of SYNC_SETTING_NAMES) {
    const value = source[name];
    if (value !== undefined) settings[name] = value;
  }
  return settings;
}
