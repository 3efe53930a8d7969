import type { Context } from 'hono';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../app-env.ts';
import { forbidden } from '../http/problem.ts';

// Hono's check: an unsafe request that a cross-site form could send must come from a trusted origin
// (or say Sec-Fetch-Site: same-origin). JSON bodies cannot be sent cross-site without a CORS preflight.
const check = csrf({
  origin: (origin, c: Context<AppEnv>) => c.get('deps').sessions?.trustedOrigins.includes(origin) ?? false,
});

/**
 * Refuses cross-site unsafe requests authenticated by the session cookie (SameSite=Lax already keeps the
 * cookie off most of them; this is the second lock). Bearer tokens are not sent by browsers on their own
 * and need no such check.
 */
export async function assertSessionRequestSameOrigin(c: Context<AppEnv>): Promise<void> {
  try {
    await check(c, async () => {});
  } catch (error) {
    if (error instanceof HTTPException && error.status === 403) {
      throw forbidden('cross-site request refused: send it from a trusted origin');
    }
    throw error;
  }
}
