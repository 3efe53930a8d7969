/**
 * The part of Shopify's search syntax the simulator understands: `sku:` terms joined by `OR`, values bare
 * or quoted ('...' or "...", a backslash escapes the next character). Anything else is refused, so a
 * connector relying on more than this notices.
 */
export function parseSkuSearch(query: string): string[] {
  const skus: string[] = [];
  let at = 0;
  const skipSpaces = (): void => {
    while (query[at] === ' ') at++;
  };
  skipSpaces();
  while (at < query.length) {
    if (skus.length > 0) {
      if (query.slice(at, at + 3) !== 'OR ') throw new SyntaxError(`expected OR at ${at} in ${query}`);
      at += 3;
      skipSpaces();
    }
    if (query.slice(at, at + 4) !== 'sku:') throw new SyntaxError(`expected sku: at ${at} in ${query}`);
    at += 4;
    const quote = query[at];
    let value = '';
    if (quote === "'" || quote === '"') {
      at++;
      while (at < query.length && query[at] !== quote) {
        if (query[at] === '\\') at++;
        value += query[at] ?? '';
        at++;
      }
      if (query[at] !== quote) throw new SyntaxError(`unterminated value in ${query}`);
      at++;
    } else {
      while (at < query.length && query[at] !== ' ') value += query[at++];
    }
    skus.push(value);
    skipSpaces();
  }
  return skus;
}
