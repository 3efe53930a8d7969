import type { Principal } from './auth/principal.ts';
import type { AppDeps } from './deps.ts';

/** What every request carries through the middleware chain. */
export interface AppEnv {
  Variables: {
    deps: AppDeps;
    /** Set by the auth middleware on /api/v1 routes. */
    principal: Principal;
    /** The request's Idempotency-Key, for routes to hand to the domain operation. */
    idempotencyKey: string | undefined;
  };
}
