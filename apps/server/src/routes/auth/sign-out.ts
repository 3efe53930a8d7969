import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { errorResponses } from '../shared/responses.ts';
import { sessionsOf, withCookies } from './session-view.ts';

const route = createRoute({
  method: 'post',
  path: '/auth/sign-out',
  tags: ['Auth'],
  summary: 'Sign out',
  description: 'Ends the session in the database and clears its cookie. Without a session it does nothing.',
  responses: {
    204: { description: 'Signed out' },
    403: { ...errorResponses[403], description: 'The request’s origin is not trusted' },
  },
});

export function registerSignOut(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    withCookies(c, await sessionsOf(c).signOut(c.req.raw));
    return c.body(null, 204);
  });
}
