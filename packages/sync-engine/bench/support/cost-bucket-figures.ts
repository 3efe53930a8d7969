import type { Figure } from '@ballast/bench';
import type { CostBucketResult } from './cost-bucket-run.ts';

/**
 * The figures of one cost-bucket run, the naive pusher as baseline. The fraction's unit is not "ratio": the
 * report checks a "ratio" figure's target against engine / naive, and the target here is on the fraction.
 */
export function costBucketFigures(suffix: string, { engine, naive }: CostBucketResult): Figure[] {
  return [
    {
      name: `sync.cost_bucket.fraction_of_ceiling.${suffix}`,
      value: engine.fractionOfCeiling,
      unit: 'fraction',
      target: '>= 0.9',
      baseline: naive.fractionOfCeiling,
      ratio: engine.updatesPerSec / naive.updatesPerSec,
    },
    {
      // One full batch per call is 1/250 = 0.004; throttled calls count too.
      name: `sync.cost_bucket.calls_per_update.${suffix}`,
      value: engine.callsPerUpdate,
      unit: 'calls/update',
      target: '<= 0.005',
      baseline: naive.callsPerUpdate,
      ratio: engine.callsPerUpdate / naive.callsPerUpdate,
    },
  ];
}
