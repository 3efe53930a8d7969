import { describeConnectorContract } from '@ballast/connector-kit/contract-suite';
import { wooConnector } from '../src/index.ts';
import { startWooSimulator } from '../src/simulator/index.ts';
import { credentials, fastLimits } from './fixtures.ts';

const throttle = { requestsPerSecond: fastLimits.requestsPerSecond, burst: fastLimits.burst };

// An HTTPS site (Basic auth) whose items are simple products.
describeConnectorContract(
  {
    definition: wooConnector,
    startSimulator: () => startWooSimulator({ throttle }),
    // The simulator plays a site behind TLS termination: its socket is plain HTTP, WordPress sees HTTPS.
    config: (baseUrl) => ({ siteUrl: baseUrl, authMode: 'basic' as const, ...credentials, ...fastLimits }),
  },
  { label: 'https site, simple products, Basic auth' },
);

// A plain-HTTP site (OAuth 1.0a in the query string) whose items are variations of a variable product.
describeConnectorContract(
  {
    definition: wooConnector,
    startSimulator: () => startWooSimulator({ throttle, https: false, layout: 'variations' }),
    config: (baseUrl) => ({ siteUrl: baseUrl, authMode: 'oauth1' as const, ...credentials, ...fastLimits }),
  },
  { label: 'plain-http site, variations, OAuth 1.0a' },
);
