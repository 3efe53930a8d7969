import { getConnInfo } from '@hono/node-server/conninfo';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../app-env.ts';
import { errorResponses, jsonContent } from '../shared/responses.ts';
import { sessionSchema } from './session-schema.ts';
import { sessionsOf, sessionView, withCookies } from './session-view.ts';

const bodySchema = z
  .object({
    email: z.email().max(320).openapi({ example: 'owner@example.com' }),
    password: z.string().min(1).max(256),
  })
  .strict()
  .openapi('SignIn');

const route = createRoute({
  method: 'post',
  path: '/auth/sign-in',
  tags: ['Auth'],
  summary: 'Sign in a merchant user',
  description:
    'Checks the email and password and sets the session cookie (httpOnly, SameSite=Lax, Secure over https). ' +
    'Browsers must send an `Origin` the server trusts once a cookie is present. Attempts are rate limited ' +
    'per client address. Idempotency-Key is not used here: a retry opens another session.',
  request: { body: { content: jsonContent(bodySchema), required: true } },
  responses: {
    200: {
      description: 'Signed in; `Set-Cookie` carries the session',
      content: jsonContent(sessionSchema),
    },
    401: { ...errorResponses[401], description: 'Wrong email or password' },
    403: { ...errorResponses[403], description: 'The request’s origin is not trusted' },
    422: errorResponses[422],
    429: { ...errorResponses[422], description: 'Too many attempts from this address' },
  },
});

export function registerSignIn(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const sessions = sessionsOf(c);
    const signedIn = await sessions.signIn(c.req.raw, c.req.valid('json'), clientAddress(c));
    withCookies(c, signedIn.setCookies);
    return c.json(await sessionView(c.get('deps').db, signedIn.user, signedIn.expiresAt), 200);
  });
}

/** The socket's peer address when served by @hono/node-server (absent in in-process tests). */
function clientAddress(c: Context<AppEnv>): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}
