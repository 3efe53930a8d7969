import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from '../src/db/statement-cache.ts';

describe('withStatementCache', () => {
  it('reuses a prepared statement per SQL text and drops the least recently used past its size', () => {
    const database = new SQLite(':memory:');
    const cache = withStatementCache(database, 2);
    const a = cache.prepare('select 1');
    const b = cache.prepare('select 2');
    expect(cache.prepare('select 1')).toBe(a); // a hit: now the most recently used
    cache.prepare('select 3'); // full: drops "select 2", the least recently used
    expect(cache.prepare('select 1')).toBe(a);
    expect(cache.prepare('select 2')).not.toBe(b);
    database.close();
  });
});
