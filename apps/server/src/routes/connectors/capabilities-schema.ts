import { type Capabilities, rateModelList } from '@ballast/connector-kit';
import { z } from '@hono/zod-openapi';

const rateModelSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('token-bucket'), ratePerSec: z.number(), burst: z.number() }),
    z.object({ kind: z.literal('cost-bucket'), capacity: z.number(), restorePerSec: z.number() }),
    z.object({ kind: z.literal('fixed-window'), limit: z.number(), windowMs: z.number() }),
    z.object({ kind: z.literal('daily-quota'), limit: z.number() }),
  ])
  .openapi('RateModel');

export const capabilitiesSchema = z
  .object({
    maxBatch: z.number().int().openapi({ description: 'Most quantity updates per channel call' }),
    rateModels: z.array(rateModelSchema).openapi({ description: 'Every limit the channel enforces' }),
    compareAndSet: z.boolean(),
    idempotentWrites: z.boolean(),
    readBack: z.boolean().openapi({ description: 'Quantities can be read back: drift is repaired' }),
    orderWebhooks: z.boolean().openapi({ description: 'Orders arrive at the channel’s webhook URL' }),
    orderPolling: z.boolean(),
    pendingResults: z.boolean(),
  })
  .openapi('ConnectorCapabilities');

export type CapabilitiesView = z.infer<typeof capabilitiesSchema>;

export function capabilitiesView(capabilities: Capabilities): CapabilitiesView {
  const { rateModel, ...flags } = capabilities;
  return { ...flags, rateModels: rateModelList(rateModel).map((model) => ({ ...model })) };
}
