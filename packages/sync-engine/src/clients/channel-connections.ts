import type { AnyConnectorDefinition, Connection, ConnectorContextInput } from '@ballast/connector-kit';
import type { ChannelRow } from '@ballast/core';

/** How the host turns a stored channel into connector config: decrypting credentials is the host's job. */
export type ResolveChannelConfig = (
  channel: ChannelRow,
) => Promise<{ config: unknown; endpoint?: string }> | { config: unknown; endpoint?: string };

/**
 * One live connection per channel, rebuilt when the channel's stored config changes. Connectors are looked up
 * by the id stored on the channel row; a channel whose connector is not installed has no connection.
 */
export class ChannelConnections {
  readonly #byId = new Map<string, AnyConnectorDefinition>();
  readonly #cache = new Map<number, { fingerprint: string; connection: Connection }>();

  constructor(
    connectors: readonly AnyConnectorDefinition[],
    private readonly resolveConfig: ResolveChannelConfig,
    private readonly context: ConnectorContextInput = {},
  ) {
    for (const connector of connectors) this.#byId.set(connector.id, connector);
  }

  connector(connectorId: string): AnyConnectorDefinition | undefined {
    return this.#byId.get(connectorId);
  }

  /** The connection for a channel; throws when its connector is missing or its config is invalid. */
  async connectionFor(channel: ChannelRow): Promise<Connection> {
    const fingerprint = `${channel.connectorId}:${channel.configCiphertext ?? ''}`;
    const cached = this.#cache.get(channel.id);
    if (cached && cached.fingerprint === fingerprint) return cached.connection;
    const connector = this.#byId.get(channel.connectorId);
    if (!connector) throw new Error(`connector "${channel.connectorId}" is not installed on this server`);
    const { config, endpoint } = await this.resolveConfig(channel);
    const connection = connector.connect(config, {
      ...this.context,
      ...(endpoint !== undefined && { endpoint }),
    });
    this.#cache.set(channel.id, { fingerprint, connection });
    return connection;
  }

  forget(channelId: number): void {
    this.#cache.delete(channelId);
  }
}
