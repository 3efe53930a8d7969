// The cost-bucket figure (see cost-bucket.bench.ts) on PostgreSQL, with one and then two worker processes
// sharing the channel's bucket through the database. Each run gets its own database, dropped afterwards.
import type { Figure } from '@ballast/bench';
import { costBucketFigures } from './support/cost-bucket-figures.ts';
import { measureCostBucket } from './support/cost-bucket-run.ts';

export async function run(): Promise<Figure[]> {
  return [
    ...costBucketFigures('postgres.1w', await measureCostBucket('postgres', 1)),
    ...costBucketFigures('postgres.2w', await measureCostBucket('postgres', 2)),
  ];
}
