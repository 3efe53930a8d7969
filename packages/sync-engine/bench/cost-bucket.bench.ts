// SKU updates per second through a Shopify-like cost-point bucket (1,000 points, 100 points/s restored, 10 + 1
// point per item, 250 items per call), as a fraction of the most the bucket can sustain, with 5,000 SKUs kept
// dirty by 100 changes/s. SQLite file, the engine in-process. The baseline, measured side by side in the
// same run, is a naive pusher making one paced call per change.
import type { Figure } from '@ballast/bench';
import { costBucketFigures } from './support/cost-bucket-figures.ts';
import { measureCostBucket } from './support/cost-bucket-run.ts';

export async function run(): Promise<Figure[]> {
  return costBucketFigures('sqlite', await measureCostBucket('sqlite', 0));
}
