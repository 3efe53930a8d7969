/**
 * A Shopify webhook header. Deliveries name them `X-Shopify-Hmac-Sha256`, `X-Shopify-Topic`, ...; newer
 * ones may drop the `X-` prefix (`shopify-hmac-sha256`). `Headers` is case-insensitive, so both spellings
 * are two lookups.
 */
export function shopifyHeader(headers: Headers, name: string): string | undefined {
  return headers.get(`x-shopify-${name}`) ?? headers.get(`shopify-${name}`) ?? undefined;
}

export const ORDERS_CREATE = 'orders/create';
