import { For } from 'solid-js';
import type { BalanceExplanation } from '../api/types.ts';
import { describeInputs } from '../lib/explanation.ts';
import { useStore } from '../store/store-context.tsx';

/** What a syncable quantity started from (on hand, committed, … per location), as facts. */
export function ExplanationInputs(props: { explanation: BalanceExplanation }) {
  const { locationName } = useStore();
  return (
    <dl class="facts">
      <For each={describeInputs(props.explanation, locationName)}>
        {(row) => (
          <>
            <dt>{row.label}</dt>
            <dd>{row.value}</dd>
          </>
        )}
      </For>
    </dl>
  );
}

/** Each step of the math from those inputs to the quantity, in order. */
export function ExplanationSteps(props: { steps: readonly string[] }) {
  return (
    <ol class="steps">
      <For each={props.steps}>{(step) => <li>{step}</li>}</For>
    </ol>
  );
}
