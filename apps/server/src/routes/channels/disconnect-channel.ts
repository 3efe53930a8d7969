import { getChannel, updateChannel } from '@ballast/core';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { operationOptions, storeIdOf } from '../shared/params.ts';
import { errorResponses, jsonContent } from '../shared/responses.ts';
import { channelParamsSchema } from './channel-params.ts';
import { channelSchema } from './channel-schema.ts';
import { channelView } from './channel-view.ts';

const route = createRoute({
  method: 'post',
  path: '/stores/{storeId}/channels/{channelId}/disconnect',
  tags: ['Channels'],
  summary: 'Disconnect a channel',
  description:
    'Stops pushes and order webhooks and deletes the stored credentials. The channel, its listings and its ' +
    'Sync History are kept; resume it with `PATCH` and a new `config`.',
  request: { params: channelParamsSchema },
  responses: { 200: { description: 'The channel', content: jsonContent(channelSchema) }, ...errorResponses },
});

export function registerDisconnectChannel(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const params = c.req.valid('param');
    const storeId = storeIdOf(c, params.storeId);
    const { db } = c.get('deps');
    await getChannel(db, storeId, params.channelId);
    const channel = await updateChannel(
      db,
      storeId,
      params.channelId,
      { status: 'disconnected', configCiphertext: null },
      operationOptions(c),
    );
    // Nothing will push them; re-activating marks every auto-synced product again.
    await db
      .deleteFrom('syncDirty')
      .where('channelId', '=', channel.id)
      .where('storeId', '=', storeId)
      .execute();
    return c.json(await channelView(c, storeId, channel), 200);
  });
}
