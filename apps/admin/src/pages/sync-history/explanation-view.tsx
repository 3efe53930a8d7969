import { Show } from 'solid-js';
import type { SyncHistoryEntry } from '../../api/types.ts';
import { causeLabel } from '../../lib/cause-labels.ts';
import { describeRule, readExplanation } from '../../lib/explanation.ts';
import { formatTime, plural } from '../../lib/format.ts';
import { ExplanationInputs, ExplanationSteps } from '../../ui/explanation-parts.tsx';
import { CauseReference } from './cause-reference.tsx';

/** “Why this number?”: the stock it started from, the rule that won, and each step of the math. */
export function ExplanationView(props: { storeId: number; entry: SyncHistoryEntry }) {
  const explanation = () => readExplanation(props.entry.explanation);
  return (
    <div class="explanation">
      <Show
        when={explanation()}
        fallback={<pre class="raw-json">{JSON.stringify(props.entry.explanation, null, 2)}</pre>}
      >
        {(ex) => (
          <>
            <div class="explanation-columns">
              <div>
                <h3 class="explanation-heading">Started from</h3>
                <ExplanationInputs explanation={ex()} />
              </div>
              <div>
                <h3 class="explanation-heading">Rule applied</h3>
                <p>{describeRule(ex().rule)}</p>
                <h3 class="explanation-heading">Steps</h3>
                <ExplanationSteps steps={ex().steps} />
              </div>
            </div>
          </>
        )}
      </Show>
      <p class="muted">
        Triggered by {causeLabel(props.entry.cause.type)}{' '}
        <CauseReference storeId={props.storeId} cause={props.entry.cause} />
        {props.entry.cause.marks > 1
          ? `, ${plural(props.entry.cause.marks, 'change')} coalesced since ${formatTime(props.entry.cause.firstMarkedAt)}`
          : ''}
        . Attempt {props.entry.attempt}.
      </p>
      <Show when={props.entry.errorMessage}>
        <p class="form-error">
          {props.entry.errorCode ? `${props.entry.errorCode}: ` : ''}
          {props.entry.errorMessage}
        </p>
      </Show>
    </div>
  );
}
