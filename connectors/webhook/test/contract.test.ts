import { describeConnectorContract } from '@ballast/connector-kit/contract-suite';
import { webhookConnector } from '../src/index.ts';
import { SIMULATOR_PATHS, startWebhookSimulator } from '../src/simulator/index.ts';
import { TEST_SECRET } from './fixtures.ts';

/** Fast limits so the throttling checks run in well under a second. */
const limits = { requestsPerSecond: 40, burst: 4 } as const;

const urls = (baseUrl: string) => ({
  endpointUrl: `${baseUrl}${SIMULATOR_PATHS.inventory}`,
  lookupUrl: `${baseUrl}${SIMULATOR_PATHS.lookup}`,
  readBackUrl: `${baseUrl}${SIMULATOR_PATHS.readBack}`,
});

// The protocol's defaults: no compare-and-set, empty 204 when every item is ok.
describeConnectorContract(
  {
    definition: webhookConnector,
    startSimulator: () => startWebhookSimulator({ secret: TEST_SECRET, ...limits }),
    config: (baseUrl) => ({ ...urls(baseUrl), signingSecret: TEST_SECRET, batchSize: 25, ...limits }),
  },
  { label: 'default receiver' },
);

// A receiver that implements compare-and-set and always answers per-item results.
describeConnectorContract(
  {
    definition: webhookConnector,
    startSimulator: () =>
      startWebhookSimulator({ secret: TEST_SECRET, compareAndSet: true, results: 'always', ...limits }),
    config: (baseUrl) => ({
      ...urls(baseUrl),
      signingSecret: TEST_SECRET,
      batchSize: 7,
      compareAndSet: true,
      ...limits,
    }),
  },
  { label: 'compare-and-set receiver' },
);
