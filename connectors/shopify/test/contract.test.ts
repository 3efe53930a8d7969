import { describeConnectorContract } from '@ballast/connector-kit/contract-suite';
import { shopifyConnector } from '../src/index.ts';
import { startShopifySimulator } from '../src/simulator/index.ts';
import { FAST_BUCKET, simConfig } from './fixtures.ts';

// The default version (2026-04: changeFromQuantity, @idempotent). The suite's partial-failure check wants
// the other entries applied, so the simulator plays the per-entry variant of the unconfirmed fact here; the
// atomic variant is covered in set-quantities.test.ts.
describeConnectorContract(
  {
    definition: shopifyConnector,
    startSimulator: () => startShopifySimulator({ ...FAST_BUCKET, userErrorMode: 'per-entry' }),
    config: (baseUrl) => simConfig(baseUrl),
  },
  { label: '2026-04, THROTTLED as 200' },
);

// 2026-01 with THROTTLED answered as HTTP 429 (the other variant of the unconfirmed status).
describeConnectorContract(
  {
    definition: shopifyConnector,
    startSimulator: () =>
      startShopifySimulator({ ...FAST_BUCKET, userErrorMode: 'per-entry', throttledStatus: 429 }),
    config: (baseUrl) => simConfig(baseUrl, { apiVersion: '2026-01', batchSize: 12 }),
  },
  { label: '2026-01, THROTTLED as 429' },
);
