import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { unauthorized } from '../../http/problem.ts';
import { errorResponses, jsonContent } from '../shared/responses.ts';
import { sessionSchema } from './session-schema.ts';
import { sessionsOf, sessionView, withCookies } from './session-view.ts';

const route = createRoute({
  method: 'get',
  path: '/auth/session',
  tags: ['Auth'],
  summary: 'The signed-in user and their stores',
  description:
    'Also slides the session forward (at most once a day) and sends the refreshed cookie: the admin calls ' +
    'it when it loads.',
  security: [{ sessionCookie: [] }],
  responses: {
    200: { description: 'The session', content: jsonContent(sessionSchema) },
    401: { ...errorResponses[401], description: 'Not signed in, or the session ended' },
  },
});

export function registerGetSession(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const current = await sessionsOf(c).currentSession(c.req.raw);
    if (!current) throw unauthorized('not signed in');
    withCookies(c, current.setCookies);
    return c.json(await sessionView(c.get('deps').db, current.user, current.expiresAt), 200);
  });
}
