/**
 * RFC 3986 percent-encoding (`rawurlencode` in PHP): spaces become `%20`, never `+`. OAuth 1.0a signs the
 * decoded values, and PHP decodes `+` in a query as a space, so `URLSearchParams` (which writes `+`) would
 * make WooCommerce compute a different signature for a SKU with a space in it.
 */
export function encodeRfc3986(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** `a=1&b=x%20y`, in the order given. */
export function queryString(params: readonly (readonly [string, string])[]): string {
  return params.map(([key, value]) => `${encodeRfc3986(key)}=${encodeRfc3986(value)}`).join('&');
}
