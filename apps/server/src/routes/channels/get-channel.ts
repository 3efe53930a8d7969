import { getChannel } from '@ballast/core';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { fieldErrorsIn } from '../shared/field-errors-in.ts';
import { storeIdOf } from '../shared/params.ts';
import { errorResponses, jsonContent } from '../shared/responses.ts';
import { channelParamsSchema } from './channel-params.ts';
import { channelSchema } from './channel-schema.ts';
import { channelView } from './channel-view.ts';

const route = createRoute({
  method: 'get',
  path: '/stores/{storeId}/channels/{channelId}',
  tags: ['Channels'],
  summary: 'One channel with its sync state (credentials are never returned)',
  request: { params: channelParamsSchema },
  responses: { 200: { description: 'The channel', content: jsonContent(channelSchema) }, ...errorResponses },
});

export function registerGetChannel(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const params = c.req.valid('param');
    const storeId = storeIdOf(c, params.storeId);
    const channel = await fieldErrorsIn('path', () =>
      getChannel(c.get('deps').db, storeId, params.channelId),
    );
    return c.json(await channelView(c, storeId, channel), 200);
  });
}
