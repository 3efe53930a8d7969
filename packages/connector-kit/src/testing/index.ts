export { FaultInjector } from './fault-injector.ts';
export type { Fault, FaultMatch, PartialFailure, PartialFault } from './faults.ts';
export type {
  ConnectorContractHarness,
  ContractSimulator,
  ContractSuiteOptions,
  SimItem,
  SimOrder,
} from './harness.ts';
export type { ManualClock } from './manual-clock.ts';
export { createManualClock } from './manual-clock.ts';
export type { RateDecision, RateLimiter, RateModelState } from './rate-limiter.ts';
export { createRateLimiter } from './rate-limiter.ts';
export { createSeededRandom } from './seeded-random.ts';
export type {
  LoggedRequest,
  RouteOptions,
  SimHandler,
  SimOutcome,
  SimRequest,
  SimResponse,
  SimServer,
  SimServerOptions,
} from './sim-server.ts';
export { json, startSimServer } from './sim-server.ts';
