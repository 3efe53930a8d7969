import { describe, expect, it } from 'vitest';
import { withEndpoint } from '../../src/index.ts';

describe('withEndpoint', () => {
  it('keeps the URL when there is no override', () => {
    expect(withEndpoint('https://shop.example/a?b=1', undefined)).toBe('https://shop.example/a?b=1');
  });

  it("replaces the origin and keeps the channel's path and query", () => {
    expect(withEndpoint('https://shop.example/admin/api/graphql.json?x=1', 'http://127.0.0.1:4100')).toBe(
      'http://127.0.0.1:4100/admin/api/graphql.json?x=1',
    );
  });

  it("prefixes the override's own path", () => {
    expect(withEndpoint('https://api.example/v3/items', 'http://127.0.0.1:4100/sandbox/')).toBe(
      'http://127.0.0.1:4100/sandbox/v3/items',
    );
  });
});
