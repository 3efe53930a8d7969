import { describeConnectorContract } from '@ballast/connector-kit/contract-suite';
import { feedConnector, startFeedSimulator } from './support/feed-channel/index.ts';

// The test-only feed channel the pending-results tests push to follows the connector contract, including the
// checks for connectors whose results come back pending.
const limits = { requestsPerSecond: 40, burst: 4 } as const;
const apiKey = 'feed-test-key';

describeConnectorContract({
  definition: feedConnector,
  startSimulator: () => startFeedSimulator({ apiKey, ...limits }),
  config: (baseUrl) => ({ baseUrl, apiKey, batchSize: 5, ...limits }),
});
