import { type AnyConnectorDefinition, ConnectorConfigError } from '@ballast/connector-kit';
import { type ChannelRow, ValidationError } from '@ballast/core';
import type { ResolveChannelConfig } from '@ballast/sync-engine';
import type { SecretBox } from '../deps.ts';

/**
 * Checks a submitted config with the connector's own parser. Problems come back as a ValidationError whose
 * paths start at `config` (`config.endpointUrl`), matching the request body they came from.
 */
export function assertValidChannelConfig(connector: AnyConnectorDefinition, raw: unknown): void {
  try {
    connector.parseConfig(raw);
  } catch (error) {
    if (!(error instanceof ConnectorConfigError)) throw error;
    throw new ValidationError(
      `invalid ${connector.id} config`,
      error.issues.map((issue) => ({
        path: ['config', ...(issue.path === '' ? [] : issue.path.split('.'))],
        message: issue.message,
      })),
    );
  }
}

/** The config as submitted, encrypted for the `configCiphertext` column. */
export function sealChannelConfig(secrets: SecretBox, config: unknown): string {
  return secrets.seal(JSON.stringify(config));
}

/** The decrypted config of a channel; throws when it cannot be decrypted (the server secret changed). */
export function openChannelConfig(secrets: SecretBox, ciphertext: string): unknown {
  return JSON.parse(secrets.open(ciphertext)) as unknown;
}

/**
 * The settings that have a value, as dotted paths, so responses can say "signing secret: set" without ever
 * carrying a value.
 */
export function configuredFields(config: unknown, prefix = ''): string[] {
  if (typeof config !== 'object' || config === null || Array.isArray(config)) return [];
  return Object.entries(config).flatMap(([key, value]) => {
    if (value === null || value === undefined) return [];
    const path = `${prefix}${key}`;
    const nested = configuredFields(value, `${path}.`);
    return nested.length > 0 ? nested : [path];
  });
}

/** How the sync engine gets a channel's config: the stored ciphertext, decrypted. */
export function channelConfigResolver(secrets: SecretBox): ResolveChannelConfig {
  return (channel: ChannelRow) => {
    if (channel.configCiphertext === null) {
      throw new Error(`channel ${channel.id} has no stored config; connect it again`);
    }
    return { config: openChannelConfig(secrets, channel.configCiphertext) };
  };
}
