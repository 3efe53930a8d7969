import type fc from 'fast-check';
import { expect } from 'vitest';
import { expectDatabaseMatchesModel, expectProjectionMatchesLedger, storeSnapshot } from './db-state.ts';
import { attempt, prepare, type Real } from './execute.ts';
import type { StoreModel } from './model.ts';
import { describeOp, type Op, opArbitrary, orderListOf } from './ops.ts';

/**
 * One operation run against both the model and the database. Both must agree on whether it is accepted
 * (and a refusal must be the predicted error type and write nothing); afterwards the database's quantities
 * must equal the model's and the projection must still equal the ledger.
 */
export class OpCommand implements fc.AsyncCommand<StoreModel, Real> {
  constructor(readonly op: Op) {}

  check(model: Readonly<StoreModel>): boolean {
    const list = orderListOf(this.op);
    return list === null || model[list].length > 0;
  }

  async run(model: StoreModel, real: Real): Promise<void> {
    const { db, world } = real;
    const call = prepare(real, this.op)!;
    const before = await storeSnapshot(db, world.storeId);
    const predicted = model.step(this.op);
    const outcome = await attempt(call);

    if (predicted.accepted && !outcome.ok) {
      throw new Error(
        `the model accepts ${this}, core refused it: ${outcome.error.name}: ${outcome.error.message}`,
      );
    }
    if (!predicted.accepted) {
      if (outcome.ok)
        throw new Error(
          `the model refuses ${this} (${predicted.error.name}: ${predicted.why}), core accepted it`,
        );
      expect(outcome.error, `${this} refused with ${outcome.error.message}`).toBeInstanceOf(predicted.error);
      expect(await storeSnapshot(db, world.storeId), `a refused ${this} wrote nothing`).toEqual(before);
    } else if (outcome.ok && predicted.status !== undefined && 'status' in outcome.result) {
      expect(outcome.result.status, `status after ${this}`).toBe(predicted.status);
    }
    for (const list of ['sales', 'purchases', 'works'] as const)
      expect(real[list].length).toBe(model[list].length);
    await expectDatabaseMatchesModel(db, world, model, `after ${this}`);
    await expectProjectionMatchesLedger(db, world, `after ${this}`);
  }

  toString(): string {
    return describeOp(this.op);
  }
}

export const opCommands = (): fc.Arbitrary<OpCommand>[] => [opArbitrary().map((op) => new OpCommand(op))];
