import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { SESSION_COOKIE_PREFIX } from '../../auth/better-auth-options.ts';
import { registerGetSession } from './get-session.ts';
import { registerSignIn } from './sign-in.ts';
import { registerSignOut } from './sign-out.ts';

/**
 * The /auth routes, which answer without a credential: register them on the API before the authenticated
 * sub-app is mounted, or its auth middleware would run first.
 */
export function registerAuthRoutes(api: OpenAPIHono<AppEnv>): void {
  api.openAPIRegistry.registerComponent('securitySchemes', 'sessionCookie', {
    type: 'apiKey',
    in: 'cookie',
    name: `${SESSION_COOKIE_PREFIX}.session_token`,
    description: 'Set by POST /auth/sign-in (named `__Secure-…` when served over https)',
  });
  registerSignIn(api);
  registerSignOut(api);
  registerGetSession(api);
}
