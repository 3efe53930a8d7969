import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.ts';
import { registerBulkAutoSync } from './auto-sync/bulk-auto-sync.ts';
import { registerPreviewAutoSync } from './auto-sync/preview-auto-sync.ts';
import { registerSetProductAutoSync } from './auto-sync/set-product-auto-sync.ts';
import { registerConnectChannel } from './channels/connect-channel.ts';
import { registerDisconnectChannel } from './channels/disconnect-channel.ts';
import { registerGetChannel } from './channels/get-channel.ts';
import { registerListChannelListings } from './channels/list-channel-listings.ts';
import { registerListChannels } from './channels/list-channels.ts';
import { registerListWebhookDeliveries } from './channels/list-webhook-deliveries.ts';
import { registerMatchListings } from './channels/match-listings.ts';
import { registerUpdateChannel } from './channels/update-channel.ts';
import { registerListConnectors } from './connectors/list-connectors.ts';
import { registerCreateLocation } from './locations/create-location.ts';
import { registerListLocations } from './locations/list-locations.ts';
import { registerCountProducts } from './products/count-products.ts';
import { registerCreateProduct } from './products/create-product.ts';
import { registerDeleteProduct } from './products/delete-product.ts';
import { registerGetProduct } from './products/get-product.ts';
import { registerGetProductBalance } from './products/get-product-balance.ts';
import { registerListProducts } from './products/list-products.ts';
import { registerUpdateProduct } from './products/update-product.ts';
import { registerGetStore } from './stores/get-store.ts';
import { registerListStores } from './stores/list-stores.ts';
import { registerUpdateStore } from './stores/update-store.ts';
import { registerGetSyncHistoryEntry } from './sync-history/get-sync-history-entry.ts';
import { registerListSyncHistory } from './sync-history/list-sync-history.ts';
import { registerStreamSyncHistory } from './sync-history/stream-sync-history.ts';
import { registerSyncActivity } from './sync-history/sync-activity.ts';

/** Every authenticated /api/v1 route. One line per route module; keep sorted by resource. */
export function registerRoutes(api: OpenAPIHono<AppEnv>): void {
  registerListStores(api);
  registerGetStore(api);
  registerUpdateStore(api);
  registerListConnectors(api);
  registerListChannels(api);
  registerConnectChannel(api);
  registerGetChannel(api);
  registerUpdateChannel(api);
  registerMatchListings(api);
  registerDisconnectChannel(api);
  registerListChannelListings(api);
  registerListWebhookDeliveries(api);
  registerListLocations(api);
  registerCreateLocation(api);
  // Fixed paths under /products before /products/{productId}: both match, the first registered answers.
  registerCountProducts(api);
  registerPreviewAutoSync(api);
  registerBulkAutoSync(api);
  registerListProducts(api);
  registerCreateProduct(api);
  registerGetProduct(api);
  registerUpdateProduct(api);
  registerDeleteProduct(api);
  registerGetProductBalance(api);
  registerSetProductAutoSync(api);
  // The stream's fixed path before /sync-history/{entryId}, for the same reason.
  registerStreamSyncHistory(api);
  registerListSyncHistory(api);
  registerGetSyncHistoryEntry(api);
  registerSyncActivity(api);
}
