export { feedConnector } from './feed-connector.ts';
export { FEED_PATHS } from './feed-protocol.ts';
export { type FeedSimulator, startFeedSimulator } from './feed-simulator.ts';
