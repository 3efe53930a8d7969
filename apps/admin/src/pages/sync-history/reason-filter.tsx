import { Show } from 'solid-js';
import type { SyncCauseType } from '../../api/types.ts';
import { CAUSE_TYPES, causeLabel } from '../../lib/cause-labels.ts';
import { SelectField } from '../../ui/select-field.tsx';

/**
 * Filters by reason (what set the pushes in motion) and, after a row's funnel was followed, by that one cause,
 * shown as a chip that names it by `reference` (an order's number…). A new reason drops the ref: a ref only
 * names something within its type.
 */
export function ReasonFilter(props: {
  causeType: SyncCauseType | '';
  causeRef: string;
  reference: string;
  onChange: (filter: { causeType: SyncCauseType | ''; causeRef: string }) => void;
}) {
  return (
    <>
      <SelectField
        label="Reason"
        value={props.causeType}
        options={[
          { value: '', label: 'Any reason' },
          ...CAUSE_TYPES.map((type) => ({ value: type, label: causeLabel(type) })),
        ]}
        onChange={(value) => props.onChange({ causeType: value as SyncCauseType | '', causeRef: '' })}
      />
      <Show when={props.causeType && props.causeRef ? props.causeType : undefined}>
        {(type) => (
          <div class="field">
            <span class="field-label">Reference</span>
            <span class="chip">
              {causeLabel(type())} {props.reference}
              <button
                type="button"
                class="chip-remove"
                aria-label="Clear reference filter"
                onClick={() => props.onChange({ causeType: type(), causeRef: '' })}
              >
                ×
              </button>
            </span>
          </div>
        )}
      </Show>
    </>
  );
}
