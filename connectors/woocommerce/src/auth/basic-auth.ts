/** `Authorization: Basic base64(key:secret)`: what WooCommerce checks first on a TLS request. */
export function basicAuthorization(consumerKey: string, consumerSecret: string): string {
  return `Basic ${Buffer.from(`${consumerKey}:${consumerSecret}`, 'utf8').toString('base64')}`;
}
