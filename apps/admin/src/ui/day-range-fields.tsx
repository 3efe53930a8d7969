/** The days a list is filtered to, as the URL keeps them (YYYY-MM-DD; empty for open-ended). */
export interface DayRange {
  fromDay: string;
  toDay: string;
}

/** From / To date inputs of a list's filters; each change applies at once. */
export function DayRangeFields(props: {
  /** Prefix of the inputs' ids, unique on the page. */
  id: string;
  range: DayRange;
  onChange: (patch: Partial<DayRange>) => void;
}) {
  return (
    <>
      <div class="field">
        <label class="field-label" for={`${props.id}-from`}>
          From
        </label>
        <input
          id={`${props.id}-from`}
          class="input"
          type="date"
          value={props.range.fromDay}
          onChange={(e) => props.onChange({ fromDay: e.currentTarget.value })}
        />
      </div>
      <div class="field">
        <label class="field-label" for={`${props.id}-to`}>
          To
        </label>
        <input
          id={`${props.id}-to`}
          class="input"
          type="date"
          value={props.range.toDay}
          onChange={(e) => props.onChange({ toDay: e.currentTarget.value })}
        />
      </div>
    </>
  );
}
