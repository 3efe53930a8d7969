import { type ConnectorContext, withEndpoint } from '@ballast/connector-kit';
import type { WebhookConfig } from './config.ts';
import { SKUS_PER_GET, type StockList, stockListSchema } from './protocol.ts';
import { signedRequest } from './signed-request.ts';

/** GETs `url?skus=A,B` in chunks and merges the answers (lookup and read-back share the shape). */
export async function fetchStockList(
  config: WebhookConfig,
  ctx: ConnectorContext,
  timeoutMs: number,
  url: string,
  skus: readonly string[],
): Promise<StockList['items']> {
  const unique = [...new Set(skus)];
  const items: StockList['items'] = [];
  for (let start = 0; start < unique.length; start += SKUS_PER_GET) {
    const chunk = unique.slice(start, start + SKUS_PER_GET);
    const target = new URL(withEndpoint(url, ctx.endpoint));
    target.searchParams.set('skus', chunk.join(','));
    const response = await signedRequest(ctx, config.signingSecret, timeoutMs, {
      method: 'GET',
      url: target.toString(),
      body: '',
      identity: chunk,
      schema: stockListSchema,
    });
    items.push(...response.body.items);
  }
  return items;
}
