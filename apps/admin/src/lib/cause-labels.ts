import type { SyncCauseType } from '../api/types.ts';

/**
 * What set a push in motion, as the merchant reads it, in the order the Reason filter offers them. Typed as a
 * record of every cause type, so a type the API adds cannot go unlabelled.
 */
const CAUSE_LABELS = {
  sales_order: 'Sales order',
  channel_order: 'Channel order',
  purchase_order: 'Purchase order',
  work_order: 'Work order',
  adjustment: 'Adjustment',
  upload: 'CSV upload',
  feed: 'Inventory feed',
  auto_sync: 'Auto Sync',
  resync: 'Resync',
} as const satisfies Record<SyncCauseType, string>;

export const CAUSE_TYPES = Object.keys(CAUSE_LABELS) as SyncCauseType[];

export function causeLabel(type: SyncCauseType): string {
  return CAUSE_LABELS[type];
}

export function isCauseType(value: string): value is SyncCauseType {
  return Object.hasOwn(CAUSE_LABELS, value);
}
