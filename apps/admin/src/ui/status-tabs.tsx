import { Tabs } from '@kobalte/core/tabs';
import { For } from 'solid-js';

/** Tabs that filter a list by status (arrow keys move between them). The list itself sits below. */
export function StatusTabs(props: {
  label: string;
  tabs: { value: string; label: string }[];
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Tabs value={props.value} onChange={props.onChange} class="tabs" aria-label={props.label}>
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
