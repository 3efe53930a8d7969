import type { z } from 'zod';
import { systemClock } from '../rate/clock.ts';
import type { Capabilities } from './capabilities.ts';
import type { ChannelClient } from './channel-client.ts';
import { checkCapabilities, checkClientMatchesCapabilities } from './check-capabilities.ts';
import type { ConnectorContext, ConnectorContextInput } from './context.ts';
import { guardClient } from './guard-client.ts';
import type { ListingRef } from './listing-ref.ts';
import { silentLogger } from './logger.ts';

/**
 * What a connector author writes: identity, a zod config schema (the typed config is `z.output` of it),
 * what the channel can do, and a factory for a live client.
 */
export interface ConnectorSpec<Id extends string, Schema extends z.ZodType, Ref extends ListingRef> {
  /** Stable, kebab-case; stored with every channel row, so never renamed. */
  readonly id: Id;
  readonly displayName: string;
  readonly description: string;
  readonly configSchema: Schema;
  /** Parses a stored listing reference back into this connector's typed shape. */
  readonly listingRefSchema: z.ZodType<Ref>;
  /** Fixed, or derived from the config when limits are settings (batch size, requests per second). */
  readonly capabilities: Capabilities | ((config: z.output<Schema>) => Capabilities);
  create(config: z.output<Schema>, ctx: ConnectorContext): ChannelClient<Ref>;
}

/** A live client with the capabilities that hold for its config. */
export interface Connection<Ref extends ListingRef = ListingRef> {
  readonly connectorId: string;
  readonly capabilities: Capabilities;
  /**
   * Guarded by the kit: a batch above `maxBatch` or with a repeated key is refused before any I/O, a
   * thrown channel failure becomes per-item results, and every key gets exactly one result.
   */
  readonly client: ChannelClient<Ref>;
}

/**
 * What `defineConnector` returns and the host registers.
 *
 * @example
 * ```ts
 * const connection = webhookConnector.connect(channelRow.config, { logger });
 * const pacer = createPacer(connection.capabilities.rateModel);
 * ```
 */
export interface ConnectorDefinition<
  Id extends string = string,
  Schema extends z.ZodType = z.ZodType,
  Ref extends ListingRef = ListingRef,
> {
  readonly id: Id;
  readonly displayName: string;
  readonly description: string;
  readonly configSchema: Schema;
  readonly listingRefSchema: z.ZodType<Ref>;
  /** Validates stored or submitted config; throws `ConnectorConfigError` listing every problem. */
  parseConfig(raw: unknown): z.output<Schema>;
  capabilitiesFor(config: z.output<Schema>): Capabilities;
  /** Parses the config and creates a guarded client. */
  connect(rawConfig: unknown, ctx?: ConnectorContextInput): Connection<Ref>;
}

/** Any connector, for a registry that holds several. */
export type AnyConnectorDefinition = ConnectorDefinition<string, z.ZodType, ListingRef>;

/** Config that did not pass the connector's schema. */
export class ConnectorConfigError extends Error {
  override readonly name = 'ConnectorConfigError';
  readonly issues: readonly { readonly path: string; readonly message: string }[];

  constructor(connectorId: string, issues: readonly { readonly path: string; readonly message: string }[]) {
    super(
      `invalid ${connectorId} config: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`,
    );
    this.issues = issues;
  }
}

/**
 * Declares a connector. Types flow from the schema: `create` receives the parsed config, and the listing
 * reference type comes from `listingRefSchema`.
 *
 * @example
 * ```ts
 * export const acmeConnector = defineConnector({
 *   id: 'acme',
 *   displayName: 'Acme Market',
 *   description: 'Pushes stock to Acme Market.',
 *   configSchema: z.object({ apiKey: z.string().min(1), baseUrl: z.url().default('https://api.acme.test') }),
 *   listingRefSchema: z.object({ offerId: z.string() }),
 *   capabilities: { maxBatch: 50, rateModel: { kind: 'token-bucket', ratePerSec: 5, burst: 5 },
 *     compareAndSet: false, idempotentWrites: false, readBack: false, orderWebhooks: false,
 *     orderPolling: false, pendingResults: false },
 *   create: (config, ctx) => createAcmeClient(config, ctx),
 * });
 * ```
 */
export function defineConnector<const Id extends string, Schema extends z.ZodType, Ref extends ListingRef>(
  spec: ConnectorSpec<Id, Schema, Ref>,
): ConnectorDefinition<Id, Schema, Ref> {
  const parseConfig = (raw: unknown): z.output<Schema> => {
    const parsed = spec.configSchema.safeParse(raw);
    if (!parsed.success) {
      throw new ConnectorConfigError(
        spec.id,
        parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
      );
    }
    return parsed.data;
  };
  const capabilitiesFor = (config: z.output<Schema>): Capabilities =>
    checkCapabilities(
      spec.id,
      typeof spec.capabilities === 'function' ? spec.capabilities(config) : spec.capabilities,
    );

  return {
    id: spec.id,
    displayName: spec.displayName,
    description: spec.description,
    configSchema: spec.configSchema,
    listingRefSchema: spec.listingRefSchema,
    parseConfig,
    capabilitiesFor,
    connect(rawConfig, ctxInput = {}) {
      const config = parseConfig(rawConfig);
      const capabilities = capabilitiesFor(config);
      const ctx: ConnectorContext = {
        fetch: ctxInput.fetch ?? globalThis.fetch,
        timeoutMs: ctxInput.timeoutMs ?? 30_000,
        logger: ctxInput.logger ?? silentLogger,
        clock: ctxInput.clock ?? systemClock,
        ...(ctxInput.endpoint === undefined ? {} : { endpoint: ctxInput.endpoint }),
        ...(ctxInput.signal === undefined ? {} : { signal: ctxInput.signal }),
      };
      const client = spec.create(config, ctx);
      checkClientMatchesCapabilities(spec.id, capabilities, client);
      return { connectorId: spec.id, capabilities, client: guardClient(client, capabilities, ctx.logger) };
    },
  };
}
