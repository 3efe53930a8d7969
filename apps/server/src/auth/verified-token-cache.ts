import type { Db } from '@ballast/core';

/**
 * How long a verified token is trusted without asking the database again. Every API request checks its
 * token; on SQLite the lookup cost more than most of an order's own statements (the read connection's page
 * cache is dropped by every commit of the writer). A revocation in this process takes effect at once (see
 * forgetToken); one made by another process (a second `api` process on PostgreSQL) within this long.
 */
export const VERIFIED_TOKEN_TTL_MS = 2_000;

/** Bounds the memory a flood of distinct valid tokens could take; the oldest entries go first. */
const MAX_ENTRIES = 10_000;

interface Entry<T> {
  token: T;
  verifiedAt: number;
}

/** Tokens verified recently, by secret hash, per database (tests open many in one process). */
export class VerifiedTokenCache<T extends { id: number }> {
  readonly #byDb = new WeakMap<Db, Map<string, Entry<T>>>();

  get(db: Db, hash: string, now: number): T | undefined {
    const entries = this.#byDb.get(db);
    const entry = entries?.get(hash);
    if (!entry) return undefined;
    if (now - entry.verifiedAt < VERIFIED_TOKEN_TTL_MS) return entry.token;
    entries!.delete(hash);
    return undefined;
  }

  set(db: Db, hash: string, token: T, now: number): void {
    let entries = this.#byDb.get(db);
    if (!entries) {
      entries = new Map();
      this.#byDb.set(db, entries);
    }
    entries.delete(hash);
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    entries.set(hash, { token, verifiedAt: now });
  }

  /** Replaces a cached token's data (a new last-used stamp) without renewing its trust. */
  update(db: Db, hash: string, token: T): void {
    const entry = this.#byDb.get(db)?.get(hash);
    if (entry) entry.token = token;
  }

  forget(db: Db, tokenId: number): void {
    const entries = this.#byDb.get(db);
    if (!entries) return;
    for (const [hash, entry] of entries) if (entry.token.id === tokenId) entries.delete(hash);
  }
}
