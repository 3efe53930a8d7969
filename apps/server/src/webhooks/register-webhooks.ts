import { type Connection, silentLogger, type WebhookRequest } from '@ballast/connector-kit';
import type { ChannelRow } from '@ballast/core';
import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../app-env.ts';
import { openChannelConfig } from '../connectors/channel-config.ts';
import type { AppDeps } from '../deps.ts';
import { problem, sendProblem } from '../http/problem.ts';
import { acceptChannelOrder } from './accept-channel-order.ts';
import { recordDelivery } from './webhook-deliveries.ts';

/** Channel order payloads are small; anything bigger is not an order webhook. */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Mounts `POST /webhooks/{channelId}`, where connected channels send their order webhooks. It sits outside
 * the authenticated API: the channel's signature, checked by its connector, is the credential.
 *
 * - signature refused: 401; a signed body the connector cannot read: 400 (recorded);
 * - a new order: a sales order in the master, 200; a redelivery: 200 with the same order;
 * - an order the master refuses (an unknown SKU): 200, recorded as `failed` so a person sees it (a channel
 *   retrying would fail the same way); not an order (a ping): 200 `ignored`;
 * - the server cannot check the delivery now (connector missing, config unreadable): 503, so the channel
 *   delivers it again later and no order is lost.
 */
export function registerWebhooks(app: Hono<AppEnv>): void {
  app.post(
    '/webhooks/:channelId',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => sendProblem(c, problem(413, 'payload_too_large', 'webhook bodies are limited to 1 MB')),
    }),
    async (c) => {
      const deps = c.get('deps');
      const logger = deps.logger ?? silentLogger;
      const channel = await channelOf(deps, c.req.param('channelId'));
      if (!channel) return sendProblem(c, problem(404, 'not_found', 'no connected channel has this webhook'));

      const connection = connectionOf(deps, channel);
      if (typeof connection === 'string') {
        logger.error('order webhook cannot be checked', { channelId: channel.id, reason: connection });
        return sendProblem(c, problem(503, 'unavailable', 'this channel cannot take webhooks right now'));
      }
      const { client, capabilities } = connection;
      if (!capabilities.orderWebhooks || !client.verifyWebhook || !client.parseOrderEvent) {
        return sendProblem(c, problem(404, 'not_found', 'this channel does not send order webhooks'));
      }

      const request: WebhookRequest = { headers: c.req.raw.headers, rawBody: await c.req.text() };
      const verdict = client.verifyWebhook(request);
      if (!verdict.ok) {
        logger.warn('order webhook refused', { channelId: channel.id, reason: verdict.reason });
        return sendProblem(c, problem(401, 'unauthorized', 'the webhook signature is not valid'));
      }
      return handleEvent(c, channel, client.parseOrderEvent(request));
    },
  );
}

type ParsedEvent = ReturnType<NonNullable<Connection['client']['parseOrderEvent']>>;

async function handleEvent(c: Context<AppEnv>, channel: ChannelRow, event: ParsedEvent): Promise<Response> {
  const deps = c.get('deps');
  const logger = deps.logger ?? silentLogger;
  const base = { storeId: channel.storeId, channelId: channel.id, salesOrderId: null, orderPayload: null };
  if (event.kind === 'invalid') {
    logger.error('signed order webhook is unreadable; an order may be lost', {
      channelId: channel.id,
      reason: event.reason,
    });
    await recordDelivery(deps.db, {
      ...base,
      deliveryId: null,
      channelOrderId: null,
      status: 'invalid',
      error: event.reason,
    });
    return sendProblem(c, problem(400, 'bad_request', `the webhook body cannot be read: ${event.reason}`));
  }
  if (event.kind === 'ignored') {
    await recordDelivery(deps.db, {
      ...base,
      deliveryId: null,
      channelOrderId: null,
      status: 'ignored',
      error: event.reason,
    });
    return c.json({ status: 'ignored', reason: event.reason }, 200);
  }

  const { order } = event;
  const delivery = { ...base, deliveryId: event.deliveryId ?? null, channelOrderId: order.channelOrderId };
  const accepted = await acceptChannelOrder(deps.db, channel, order);
  if (accepted.status === 'failed') {
    const reason = [accepted.error.message, ...accepted.error.issues.map((i) => i.message)].join('; ');
    logger.error('channel order could not be recorded', {
      channelId: channel.id,
      channelOrderId: order.channelOrderId,
      reason,
    });
    await recordDelivery(deps.db, {
      ...delivery,
      status: 'failed',
      error: reason,
      orderPayload: JSON.stringify({ channelOrderId: order.channelOrderId, lines: order.lines }),
    });
    return c.json({ status: 'failed', reason }, 200);
  }
  await recordDelivery(deps.db, {
    ...delivery,
    status: accepted.status,
    salesOrderId: accepted.order.id,
    error: null,
  });
  if (accepted.status === 'created') deps.notifySync();
  return c.json(
    { status: accepted.status, salesOrderId: accepted.order.id, number: accepted.order.number },
    200,
  );
}

/** The channel a webhook URL names, unless it is disconnected (its credentials are gone). */
async function channelOf(deps: AppDeps, rawId: string): Promise<ChannelRow | undefined> {
  const id = Number(rawId);
  if (!/^[1-9][0-9]{0,15}$/.test(rawId) || !Number.isSafeInteger(id)) return undefined;
  const row = await deps.db.selectFrom('channels').selectAll().where('id', '=', id).executeTakeFirst();
  return row && row.status !== 'disconnected' ? row : undefined;
}

/** The channel's live connection, or why there is none. */
function connectionOf(deps: AppDeps, channel: ChannelRow): Connection | string {
  const connector = deps.connectors.get(channel.connectorId);
  if (!connector) return `connector "${channel.connectorId}" is not installed`;
  if (channel.configCiphertext === null) return 'no config is stored';
  try {
    return connector.connect(openChannelConfig(deps.secrets, channel.configCiphertext), {
      ...(deps.logger && { logger: deps.logger }),
    });
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
