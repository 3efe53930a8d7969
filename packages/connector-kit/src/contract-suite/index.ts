export { describeConnectorContract } from './describe-connector-contract.ts';
