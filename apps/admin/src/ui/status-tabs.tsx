import { Tabs } from '@kobalte/core/tabs';
import { For } from 'solid-js';

/** Tabs that filter a list by status (arrow keys move between them). The list itself sits below. */
export function StatusTabs<T extends string>(props: {
  label: string;
  tabs: { value: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <Tabs
      value={props.value}
      onChange={(value) => props.onChange(value as T)}
      class="tabs"
      aria-label={props.label}
    >
      <Tabs.List class="tabs-list">
        <For each={props.tabs}>
          {(tab) => (
            <Tabs.Trigger class="tabs-trigger" value={tab.value}>
              {tab.label}
            </Tabs.Trigger>
          )}
        </For>
        <Tabs.Indicator class="tabs-indicator" />
      </Tabs.List>
    </Tabs>
  );
}
