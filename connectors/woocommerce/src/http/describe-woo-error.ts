import type { ErrorDescription, ErrorResponse } from '@ballast/connector-kit';
import { wooErrorSchema } from '../api/protocol.ts';

/**
 * Reads a failed answer: WordPress's `{ code, message, data: { status } }` gives the channel's own code
 * and message; the status still decides transient or permanent. A redirect is a wrong `siteUrl` (http
 * to https, a missing `www`): following it would turn the batch POST into a GET, so it fails for good.
 */
export function describeWooError(response: ErrorResponse): ErrorDescription | undefined {
  if (response.status >= 300 && response.status < 400) {
    const location = response.headers.get('location') ?? 'elsewhere';
    return {
      code: 'redirected',
      message: `the site redirects (${response.status}) to ${location}: set siteUrl to the address it redirects to`,
      retryable: false,
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(response.rawBody);
  } catch {
    return undefined;
  }
  const parsed = wooErrorSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const { code, message } = parsed.data;
  if (code === 'rest_no_route') {
    return {
      code,
      message: `${message} (is WooCommerce active, and are pretty permalinks on so /wp-json/ is served?)`,
    };
  }
  if (code === 'woocommerce_rest_request_entity_too_large') {
    return { code, message: `${message} (this site lowered the batch limit: lower batchSize to match)` };
  }
  return { code, message };
}
