import type { Db } from '../db/connect.ts';
import type { ChannelStatus } from '../db/schema.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { idempotencyKeyOf, type OperationOptions } from '../idempotency/operation-options.ts';
import { runIdempotent } from '../idempotency/run-idempotent.ts';
import { forgetListingLookupMisses } from '../listings/listing-lookup-misses.ts';
import { now } from '../shared/time.ts';
import { parseInput } from '../validation/parse-input.ts';
import {
  type ChannelInput,
  type ChannelUpdate,
  channelInputSchema,
  channelLocationIdsSchema,
  channelUpdateSchema,
} from './channel-input.ts';
import { assertStoreLocations, replaceChannelLocations } from './channel-locations.ts';
import { markChannelProductsDirty } from './mark-channel-dirty.ts';
import { assertRowId } from './row-id.ts';

/** The stored config is no longer the one an edit was derived from (see `expectedConfigCiphertext`). */
export class ChannelConfigChangedError extends ConflictError {
  constructor() {
    super('the channel’s settings changed meanwhile: read them again', ['config']);
  }
}

/** A sales channel connected to a store. Core knows no channel code: this is the row and its locations. */
export interface Channel {
  id: number;
  storeId: number;
  /** Which connector package drives it, e.g. `shopify`. */
  connectorId: string;
  name: string;
  status: ChannelStatus;
  /** Whether encrypted connector config is stored (the ciphertext itself stays out of API results). */
  hasConfig: boolean;
  /** The locations the channel counts, ascending; null = every location of the store. */
  locationIds: number[] | null;
  createdAt: number;
}

/**
 * Connects a channel to the store. `locationIds` omitted (or null) = the channel counts every location.
 *
 * @example
 * await createChannel(db, storeId, { connectorId: 'shopify', name: 'Web shop', locationIds: [mainId] });
 */
export async function createChannel(
  db: Db,
  storeId: number,
  input: ChannelInput,
  options?: OperationOptions,
): Promise<Channel> {
  const data = parseInput(channelInputSchema, input, 'channel');
  const request = { operation: 'channels.create', request: data, storeId, key: idempotencyKeyOf(options) };
  return runIdempotent(db, request, async (trx) => {
    const store = await trx.selectFrom('stores').select('id').where('id', '=', storeId).executeTakeFirst();
    if (!store) throw new NotFoundError('store');
    const locationIds = data.locationIds ?? null;
    if (locationIds) await assertStoreLocations(trx, storeId, locationIds);
    const row = await trx
      .insertInto('channels')
      .values({
        storeId,
        connectorId: data.connectorId,
        name: data.name,
        configCiphertext: data.configCiphertext ?? null,
        allLocations: 1,
        createdAt: now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // A new channel has no listings yet: nothing to mark until upsertListings links its items.
    await replaceChannelLocations(trx, row.id, locationIds);
    return getChannel(trx, storeId, row.id);
  });
}

/**
 * Renames, pauses, disconnects, re-activates or re-scopes a channel. A channel is never deleted (Sync History
 * keeps its keys): disconnect sets status `disconnected`. Re-activating it or changing its locations marks
 * every auto-synced product of the channel dirty, in the same transaction. New config forgets which SKUs
 * lookups did not find on the channel.
 */
export async function updateChannel(
  db: Db,
  storeId: number,
  channelId: number,
  input: ChannelUpdate,
  options?: OperationOptions,
): Promise<Channel> {
  assertRowId(channelId, 'channelId');
  const data = parseInput(channelUpdateSchema, input, 'channel');
  const request = {
    operation: 'channels.update',
    request: { channelId, ...data },
    storeId,
    key: idempotencyKeyOf(options),
  };
  return runIdempotent(db, request, async (trx) => {
    await getChannel(trx, storeId, channelId);
    let locationsChanged = false;
    if (data.locationIds !== undefined) {
      if (data.locationIds) await assertStoreLocations(trx, storeId, data.locationIds);
      locationsChanged = await replaceChannelLocations(trx, channelId, data.locationIds);
    }
    if (data.name !== undefined || data.configCiphertext !== undefined) {
      const expected = data.configCiphertext !== undefined ? data.expectedConfigCiphertext : undefined;
      const updated = await trx
        .updateTable('channels')
        .set({
          ...(data.name !== undefined && { name: data.name }),
          ...(data.configCiphertext !== undefined && { configCiphertext: data.configCiphertext }),
        })
        .where('id', '=', channelId)
        .$if(expected !== undefined, (q) =>
          q.where('configCiphertext', expected === null ? 'is' : '=', expected ?? null),
        )
        .executeTakeFirst();
      if (updated.numUpdatedRows === 0n) {
        throw new ChannelConfigChangedError();
      }
    }
    // Other credentials or another endpoint may reach another shop: past misses there prove nothing.
    if (data.configCiphertext !== undefined) await forgetListingLookupMisses(trx, channelId);
    let reactivated = false;
    if (data.status !== undefined) {
      // Conditional update: of two concurrent re-activations only one sees the status change.
      const changed = await trx
        .updateTable('channels')
        .set({ status: data.status })
        .where('id', '=', channelId)
        .where('status', '<>', data.status)
        .returning('id')
        .executeTakeFirst();
      reactivated = changed !== undefined && data.status === 'active';
    }
    if (reactivated || locationsChanged) {
      // After the status update, so a re-activated channel is already active when markDirty looks.
      await markChannelProductsDirty(trx, storeId, channelId, {
        type: 'resync',
        ref: `channel:${channelId}`,
      });
    }
    return getChannel(trx, storeId, channelId);
  });
}

/** Sets the locations a channel counts: a list of the store's location ids, or null for all of them. */
export async function setChannelLocations(
  db: Db,
  storeId: number,
  channelId: number,
  locationIds: readonly number[] | null,
  options?: OperationOptions,
): Promise<Channel> {
  const ids = parseInput(channelLocationIdsSchema, locationIds, 'channel locations');
  return updateChannel(db, storeId, channelId, { locationIds: ids }, options);
}

export async function getChannel(db: Db, storeId: number, channelId: number): Promise<Channel> {
  assertRowId(channelId, 'channelId');
  const [channel] = await loadChannels(db, storeId, { channelId });
  if (!channel) throw new NotFoundError('channel');
  return channel;
}

/** The store's channels, oldest first; disconnected ones included unless filtered by status. */
export async function listChannels(
  db: Db,
  storeId: number,
  filter: { status?: ChannelStatus } = {},
): Promise<Channel[]> {
  return loadChannels(db, storeId, filter);
}

/** The stored connector config (encrypted), for the process that builds the connector. */
export async function getChannelConfigCiphertext(
  db: Db,
  storeId: number,
  channelId: number,
): Promise<string | null> {
  const row = await db
    .selectFrom('channels')
    .select('configCiphertext')
    .where('storeId', '=', storeId)
    .where('id', '=', channelId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('channel');
  return row.configCiphertext;
}

async function loadChannels(
  db: Db,
  storeId: number,
  filter: { channelId?: number; status?: ChannelStatus },
): Promise<Channel[]> {
  const rows = await db
    .selectFrom('channels')
    .select([
      'id',
      'storeId',
      'connectorId',
      'name',
      'status',
      'configCiphertext',
      'allLocations',
      'createdAt',
    ])
    .where('storeId', '=', storeId)
    .$if(filter.channelId !== undefined, (qb) => qb.where('id', '=', filter.channelId!))
    .$if(filter.status !== undefined, (qb) => qb.where('status', '=', filter.status!))
    .orderBy('id')
    .execute();
  const subsetIds = rows.filter((r) => r.allLocations === 0).map((r) => r.id);
  const locations = new Map<number, number[]>();
  if (subsetIds.length > 0) {
    const links = await db
      .selectFrom('channelLocations')
      .select(['channelId', 'locationId'])
      .where('channelId', 'in', subsetIds)
      .orderBy('locationId')
      .execute();
    for (const link of links) {
      const list = locations.get(link.channelId) ?? [];
      list.push(link.locationId);
      locations.set(link.channelId, list);
    }
  }
  return rows.map(({ configCiphertext, allLocations, ...row }) => ({
    ...row,
    hasConfig: configCiphertext !== null,
    locationIds: allLocations === 1 ? null : (locations.get(row.id) ?? []),
  }));
}
