import { z } from 'zod';
import type { MadeByKind } from '../db/schema.ts';
import { plainText } from '../validation/order-fields.ts';

/** Who or what made a change: a signed-in user, an API token, or the system itself (CLI, demo, a script). */
export interface MadeBy {
  kind: MadeByKind;
  /** The user's or token's id; null for the system. */
  id: string | null;
  /** A name a person recognises (email, token name), as it was at the time; null when there is none. */
  name: string | null;
}

export const SYSTEM_MADE_BY: MadeBy = { kind: 'system', id: null, name: null };

export const madeBySchema = z.object({
  kind: z.enum(['user', 'token', 'system']),
  id: plainText(200).nullable(),
  name: plainText(200).nullable(),
});
