/**
 * Points a channel URL at an endpoint override (sandbox or simulator): the override's origin and path
 * prefix replace the channel's origin; the channel's path and query are kept.
 *
 * @example
 * ```ts
 * withEndpoint('https://shop.myshopify.com/admin/api/2026-01/graphql.json', 'http://127.0.0.1:4100');
 * // -> 'http://127.0.0.1:4100/admin/api/2026-01/graphql.json'
 * ```
 */
export function withEndpoint(url: string, endpoint: string | undefined): string {
  if (endpoint === undefined) return url;
  const target = new URL(url);
  const base = new URL(endpoint);
  const prefix = base.pathname.replace(/\/+$/, '');
  return `${base.origin}${prefix}${target.pathname}${target.search}`;
}
