import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/**
 * The database as Kysely sees it (camelCase; the CamelCasePlugin maps to snake_case columns).
 * Booleans are stored as 0/1 integers and times as epoch milliseconds so that one schema
 * behaves identically on SQLite and PostgreSQL.
 */
export interface Database {
  stores: StoresTable;
  locations: LocationsTable;
  products: ProductsTable;
  productComponents: ProductComponentsTable;
  channels: ChannelsTable;
  channelLocations: ChannelLocationsTable;
  listings: ListingsTable;
  listingLookupMisses: ListingLookupMissesTable;
  syncRules: SyncRulesTable;
  quantities: QuantitiesTable;
  movements: MovementsTable;
  idempotencyKeys: IdempotencyKeysTable;
  salesOrders: SalesOrdersTable;
  salesOrderLines: SalesOrderLinesTable;
  salesOrderAllocations: SalesOrderAllocationsTable;
  purchaseOrders: PurchaseOrdersTable;
  purchaseOrderLines: PurchaseOrderLinesTable;
  workOrders: WorkOrdersTable;
  workOrderComponents: WorkOrderComponentsTable;
  adjustments: AdjustmentsTable;
  adjustmentLines: AdjustmentLinesTable;
  uploads: UploadsTable;
  feeds: FeedsTable;
  feedRuns: FeedRunsTable;
  feedCoverage: FeedCoverageTable;
  syncDirty: SyncDirtyTable;
  syncHistory: SyncHistoryTable;
  syncPending: SyncPendingTable;
  sequences: SequencesTable;
  channelRateState: ChannelRateStateTable;
}

type Id = Generated<number>;
/** Epoch milliseconds. */
type Millis = number;
/** 0 or 1. */
type Flag = number;
type DefaultedFlag = ColumnType<Flag, Flag | undefined, Flag>;

export interface StoresTable {
  id: Id;
  name: string;
  /** 1 = movements may take on hand below zero; 0 = such movements are rejected. */
  allowNegative: DefaultedFlag;
  createdAt: Millis;
}

export interface LocationsTable {
  id: Id;
  storeId: number;
  name: string;
  isDefault: DefaultedFlag;
  createdAt: Millis;
}

export type ProductKind = 'simple' | 'kit' | 'assembly';

export interface ProductsTable {
  id: Id;
  storeId: number;
  sku: string;
  name: string;
  /** simple: own stock; kit: virtual bundle, balance from components; assembly: own stock built by work orders. */
  kind: ProductKind;
  autoSync: DefaultedFlag;
  createdAt: Millis;
  updatedAt: Millis;
}

export interface ProductComponentsTable {
  storeId: number;
  parentId: number;
  componentId: number;
  quantity: number;
}

export type ChannelStatus = 'active' | 'paused' | 'disconnected';

export interface ChannelsTable {
  id: Id;
  storeId: number;
  connectorId: string;
  name: string;
  status: ColumnType<ChannelStatus, ChannelStatus | undefined, ChannelStatus>;
  /** Encrypted connector config (credentials). Core never decrypts it. */
  configCiphertext: string | null;
  /** 1 = the channel counts every location of the store; 0 = only those in channel_locations. */
  allLocations: DefaultedFlag;
  createdAt: Millis;
}

export interface ChannelLocationsTable {
  channelId: number;
  locationId: number;
}

export interface ListingsTable {
  id: Id;
  storeId: number;
  channelId: number;
  productId: number;
  /** The connector's own reference to the channel item (JSON text), found by SKU. */
  channelRef: string | null;
  /** null = follow the product's Auto Sync flag. */
  autoSyncOverride: Flag | null;
  lastPushedQuantity: number | null;
  /** Sync sequence of the last value the channel confirmed; older sequences never overwrite it. */
  lastPushedSeq: number | null;
  lastPushedAt: Millis | null;
  /** What the channel itself last reported (read-back or write response). */
  channelQuantity: number | null;
  channelQuantityAt: Millis | null;
  createdAt: Millis;
}

/** A lookup by SKU that found no item on the channel (the sync engine's negative cache). */
export interface ListingLookupMissesTable {
  channelId: number;
  productId: number;
  storeId: number;
  /** The SKU looked up; a product whose SKU changed since is not covered by the row. */
  sku: string;
  /** When the lookup was made (its start); the engine looks again once it is older than its re-check period. */
  lookedUpAt: Millis;
}

export type RuleScope = 'store' | 'channel' | 'product' | 'listing';

export interface SyncRulesTable {
  id: Id;
  storeId: number;
  scope: RuleScope;
  /** The store, channel, product or listing id the rule belongs to. */
  scopeId: number;
  buffer: number | null;
  percent: number | null;
  maxQuantity: number | null;
  endWhen: number | null;
  updatedAt: Millis;
}

export interface QuantitiesTable {
  storeId: number;
  productId: number;
  locationId: number;
  onHand: number;
  committed: number;
  incoming: number;
  updatedAt: Millis;
}

export type Bucket = 'on_hand' | 'committed' | 'incoming';
export type CauseType =
  | 'sales_order'
  | 'purchase_order'
  | 'work_order'
  | 'adjustment'
  | 'upload'
  | 'feed'
  | 'channel_order'
  | 'auto_sync'
  | 'resync';

export interface MovementsTable {
  id: Id;
  storeId: number;
  productId: number;
  locationId: number;
  bucket: Bucket;
  delta: number;
  causeType: CauseType;
  causeRef: string;
  idempotencyKey: string | null;
  at: Millis;
}

export interface IdempotencyKeysTable {
  storeId: number;
  key: string;
  operation: string;
  requestHash: string;
  /** JSON of the first result; null while the first request is still running. */
  response: string | null;
  createdAt: Millis;
}

export type SalesOrderStatus = 'open' | 'partially_shipped' | 'shipped' | 'cancelled';

export interface SalesOrdersTable {
  id: Id;
  storeId: number;
  number: string;
  channelId: number | null;
  locationId: number;
  status: SalesOrderStatus;
  createdAt: Millis;
  updatedAt: Millis;
}

export interface SalesOrderLinesTable {
  id: Id;
  storeId: number;
  orderId: number;
  productId: number;
  quantity: number;
  shipped: ColumnType<number, number | undefined, number>;
  cancelled: ColumnType<number, number | undefined, number>;
}

/**
 * What one unit of a kit's order line takes from stock: the kit's components at order time. A line of any
 * other product has no rows: it takes one of itself (every order would otherwise write a row saying so).
 */
export interface SalesOrderAllocationsTable {
  lineId: number;
  productId: number;
  perUnit: number;
}

export type PurchaseOrderStatus = 'open' | 'partially_received' | 'received' | 'cancelled';

export interface PurchaseOrdersTable {
  id: Id;
  storeId: number;
  number: string;
  supplier: string | null;
  locationId: number;
  status: PurchaseOrderStatus;
  createdAt: Millis;
  updatedAt: Millis;
}

export interface PurchaseOrderLinesTable {
  id: Id;
  storeId: number;
  orderId: number;
  productId: number;
  quantity: number;
  received: ColumnType<number, number | undefined, number>;
}

export type WorkOrderStatus = 'in_progress' | 'completed' | 'cancelled';

export interface WorkOrdersTable {
  id: Id;
  storeId: number;
  number: string;
  productId: number;
  quantity: number;
  locationId: number;
  status: WorkOrderStatus;
  createdAt: Millis;
  updatedAt: Millis;
}

/** The bill of materials copied from the product's components when the work order was created. */
export interface WorkOrderComponentsTable {
  workOrderId: number;
  productId: number;
  required: number;
}

export type MadeByKind = 'user' | 'token' | 'system';

export interface AdjustmentsTable {
  id: Id;
  storeId: number;
  reason: string;
  note: string | null;
  /** Who made it: a signed-in user, an API token, or the system itself (CLI, demo, a script). */
  madeByKind: ColumnType<MadeByKind, MadeByKind | undefined, MadeByKind>;
  /** The user's or token's id; null for the system. */
  madeById: string | null;
  /** The user's email or token's name when the adjustment was made, so renames and deletions keep the record. */
  madeByName: string | null;
  createdAt: Millis;
}

/** One line of an adjustment: what was asked and what it moved at the location. */
export interface AdjustmentLinesTable {
  id: Id;
  storeId: number;
  adjustmentId: number;
  productId: number;
  locationId: number;
  /** set: `quantity` is the counted on hand; delta: `quantity` is the change asked for. */
  mode: 'set' | 'delta';
  quantity: number;
  /** What the line moved on hand by. */
  delta: number;
  onHandBefore: number;
  onHandAfter: number;
}

export interface UploadsTable {
  id: Id;
  storeId: number;
  filename: string;
  rowCount: number;
  createdAt: Millis;
}

export interface FeedsTable {
  id: Id;
  storeId: number;
  name: string;
  url: string | null;
  /** Minutes between scheduled pulls; null = pushed snapshots only. */
  intervalMinutes: number | null;
  lastRunAt: Millis | null;
  lastStatus: string | null;
  lastError: string | null;
  createdAt: Millis;
  /** The merchant's setting: null = automatic (3 pull intervals when scheduled, else never), 0 = never. */
  staleAfterMinutes: number | null;
  /** The last successful snapshot. */
  lastAppliedAt: Millis | null;
  /** When the feed turns stale (null = never); derived from the two above on every write. */
  staleAt: Millis | null;
  /** Set once the turn to stale was raised (its positions' products marked dirty); cleared when fresh. */
  staleNoticedAt: Millis | null;
  /** The pulls' credentials (FeedAuth as JSON), sealed by the server's secret box; null = none. */
  authCiphertext: string | null;
}

/** A (product, location) of a feed's last successful snapshot: unknown while the feed is stale. */
export interface FeedCoverageTable {
  storeId: number;
  feedId: number;
  productId: number;
  locationId: number;
}

export interface FeedRunsTable {
  id: Id;
  storeId: number;
  feedId: number;
  status: 'applied' | 'failed';
  rowCount: number;
  changed: number;
  /** JSON array of SKUs the snapshot named that the store does not have. */
  unknownSkus: string;
  error: string | null;
  at: Millis;
}

export interface SyncDirtyTable {
  storeId: number;
  channelId: number;
  productId: number;
  /** Sync sequence of the newest mark; a push that claimed an older sequence leaves the row for another round. */
  seq: number;
  firstMarkedAt: Millis;
  lastCauseType: CauseType;
  lastCauseRef: string;
  /** How many marks were coalesced since the pair was last pushed. */
  marks: number;
  /** 1 = push even when the channel already shows the value. */
  force: DefaultedFlag;
  claimedBy: string | null;
  leaseUntil: Millis | null;
  attempts: ColumnType<number, number | undefined, number>;
  notBefore: Millis;
}

export type SyncStatus = 'pending' | 'succeeded' | 'failed' | 'retrying' | 'skipped';

export interface SyncHistoryTable {
  id: Id;
  storeId: number;
  channelId: number;
  productId: number;
  listingId: number | null;
  status: SyncStatus;
  quantity: number | null;
  previousQuantity: number | null;
  causeType: CauseType;
  causeRef: string;
  /** JSON: how many changes were coalesced, first marked time. */
  cause: string;
  /** JSON: the balance explanation (inputs, winning rule, steps). */
  explanation: string;
  errorCode: string | null;
  errorMessage: string | null;
  attempt: number;
  seq: number;
  idempotencyKey: string | null;
  /** The worker that made the attempt, so attempts cut short by a dead worker can be closed. */
  workerId: string | null;
  /** Feed-style channels: the handle to poll for the verdict while status is pending. */
  pendingHandle: string | null;
  queuedAt: Millis;
  startedAt: Millis | null;
  finishedAt: Millis | null;
  createdAt: Millis;
}

/**
 * A pending attempt (sync_history row with status `pending` and a handle) waiting for the channel's verdict:
 * the sync engine's work queue of polls, leased like sync_dirty so that one worker polls each at a time.
 */
export interface SyncPendingTable {
  historyId: number;
  storeId: number;
  channelId: number;
  productId: number;
  /** When the channel accepted the push; a verdict that takes too long from here is given up on. */
  acceptedAt: Millis;
  nextPollAt: Millis;
  /** Polls in a row that failed as a whole (the channel did not answer); backs off the next one. */
  pollFailures: ColumnType<number, number | undefined, number>;
  lastPollError: string | null;
  claimedBy: string | null;
  leaseUntil: Millis | null;
}

export interface ChannelRateStateTable {
  channelId: number;
  /** JSON: the rate limiter's buckets, owned by the sync engine. */
  state: string;
  updatedAt: Millis;
}

export interface SequencesTable {
  name: string;
  value: number;
}

export type StoreRow = Selectable<StoresTable>;
export type ProductRow = Selectable<ProductsTable>;
export type ChannelRow = Selectable<ChannelsTable>;
export type ListingRow = Selectable<ListingsTable>;
export type MovementRow = Selectable<MovementsTable>;
export type NewMovement = Insertable<MovementsTable>;
export type SyncRuleRow = Selectable<SyncRulesTable>;
export type SyncHistoryRow = Selectable<SyncHistoryTable>;
export type SyncDirtyRow = Selectable<SyncDirtyTable>;
export type SyncPendingRow = Selectable<SyncPendingTable>;
