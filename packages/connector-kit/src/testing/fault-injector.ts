import type { Fault, FaultMatch } from './faults.ts';
import { createSeededRandom } from './seeded-random.ts';

interface ScriptedFault {
  readonly fault: Fault;
  readonly match: FaultMatch;
  remaining: number;
}

interface RandomFaults {
  readonly probability: number;
  readonly faults: readonly Fault[];
  readonly match: FaultMatch;
  readonly random: () => number;
}

/**
 * Decides which fault, if any, a simulator plays for each request: scripted ones first ("the next call
 * returns 503"), then a seeded random rate ("30 % of calls fail"), so failing runs can be replayed.
 */
export class FaultInjector {
  #scripted: ScriptedFault[] = [];
  #random: RandomFaults | undefined;

  /** Plays `fault` on the next `times` matching requests (default once), after faults scripted earlier. */
  next(fault: Fault, options: FaultMatch & { readonly times?: number } = {}): this {
    const { times = 1, ...match } = options;
    this.#scripted.push({ fault, match, remaining: times });
    return this;
  }

  /** Plays one of `faults` (picked evenly) on each matching request with `probability`, from a seeded source. */
  randomly(options: {
    readonly probability: number;
    readonly faults: readonly Fault[];
    readonly seed: number;
    readonly match?: FaultMatch;
  }): this {
    if (options.faults.length === 0) throw new RangeError('randomly() needs at least one fault');
    this.#random = {
      probability: options.probability,
      faults: options.faults,
      match: options.match ?? {},
      random: createSeededRandom(options.seed),
    };
    return this;
  }

  clear(): void {
    this.#scripted = [];
    this.#random = undefined;
  }

  /** The fault for this request, consuming a scripted one. */
  take(method: string, path: string): Fault | undefined {
    const scripted = this.#scripted.find((s) => matches(s.match, method, path));
    if (scripted) {
      scripted.remaining -= 1;
      if (scripted.remaining <= 0) this.#scripted = this.#scripted.filter((s) => s !== scripted);
      return scripted.fault;
    }
    const random = this.#random;
    if (random && matches(random.match, method, path) && random.random() < random.probability) {
      return random.faults[Math.floor(random.random() * random.faults.length)];
    }
    return undefined;
  }
}

function matches(match: FaultMatch, method: string, path: string): boolean {
  return (
    (match.method === undefined || match.method.toUpperCase() === method) &&
    (match.path === undefined || match.path === path)
  );
}
