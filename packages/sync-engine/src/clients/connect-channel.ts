import type { Connection } from '@ballast/connector-kit';
import type { ChannelRow } from '@ballast/core';
import type { EngineContext } from '../round/engine-context.ts';

/** The channel's connection, or undefined (logged) when its config cannot be turned into one. */
export async function connectChannel(
  ctx: EngineContext,
  channel: ChannelRow,
): Promise<Connection | undefined> {
  try {
    return await ctx.connections.connectionFor(channel);
  } catch (error) {
    ctx.logger.error('channel cannot be connected', { channelId: channel.id, error: String(error) });
    return undefined;
  }
}
