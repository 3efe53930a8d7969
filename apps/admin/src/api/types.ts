import type { components } from './schema.gen.ts';

type Schemas = components['schemas'];

export type Store = Schemas['Store'];
export type Product = Schemas['Product'];
export type ProductKind = Schemas['ProductKind'];
export type ProductListItem = Schemas['ProductListItem'];
export type ProductFilter = Schemas['ProductFilter'];
export type ProductBalance = Schemas['ProductBalance'];
export type BalanceExplanation = Schemas['BalanceExplanation'];
export type AppliedRule = Schemas['AppliedRule'];
export type AutoSyncPreview = Schemas['AutoSyncPreview'];
export type AutoSyncPreviewRow = Schemas['AutoSyncPreviewRow'];
export type AutoSyncChange = Schemas['AutoSyncChange'];
export type SyncHistoryEntry = Schemas['SyncHistoryEntry'];
export type SyncStatus = Schemas['SyncStatus'];
export type SyncCauseType = Schemas['SyncCauseType'];
export type SyncActivity = Schemas['SyncActivity'];
export type SyncActivityBucket = Schemas['SyncActivityBucket'];
export type Location = Schemas['Location'];
export type Channel = Schemas['Channel'];
export type Connector = Schemas['Connector'];
export type Feed = Schemas['Feed'];
export type FeedCreate = Schemas['FeedCreate'];
export type FeedUpdate = Schemas['FeedUpdate'];
export type FeedDetail = Schemas['FeedDetail'];
export type FeedRun = Schemas['FeedRun'];
export type FeedRunResult = Schemas['FeedRunResult'];
