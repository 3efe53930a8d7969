import { SIM_CONSUMER_KEY, SIM_CONSUMER_SECRET, SIM_WEBHOOK_SECRET } from '../src/simulator/index.ts';

/** Credentials the simulator accepts by default. */
export const credentials = {
  consumerKey: SIM_CONSUMER_KEY,
  consumerSecret: SIM_CONSUMER_SECRET,
  webhookSecret: SIM_WEBHOOK_SECRET,
} as const;

/** Fast limits so pacing and throttling tests run in well under a second. */
export const fastLimits = { requestsPerSecond: 50, burst: 10 } as const;
