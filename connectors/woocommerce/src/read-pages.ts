import type { JsonResponse } from '@ballast/connector-kit';
import { MAX_PER_PAGE } from './api/protocol.ts';
import type { CallSpacer } from './http/call-spacer.ts';

/** More pages than any lookup of 50 SKUs or read of 100 ids can have: a guard against a looping server. */
const MAX_PAGES = 50;

/**
 * Reads a WordPress collection page by page (each call spaced): `X-WP-TotalPages` says how many there
 * are; without it (a cache or proxy dropped it) a full page means there may be another.
 */
export async function readPages<T>(
  spacer: CallSpacer,
  fetchPage: (page: number) => Promise<JsonResponse<readonly T[]>>,
): Promise<T[]> {
  const all: T[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const response = await spacer.run(() => fetchPage(page));
    all.push(...response.body);
    const totalPages = Number(response.headers.get('x-wp-totalpages'));
    const more =
      Number.isInteger(totalPages) && totalPages > 0
        ? page < totalPages
        : response.body.length >= MAX_PER_PAGE;
    if (!more) break;
  }
  return all;
}
