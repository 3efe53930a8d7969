import { children, type JSX, Show } from 'solid-js';

/** A page's heading, with its main actions (buttons, links) beside it while there are any. */
export function PageHeader(props: { title: JSX.Element; actions?: JSX.Element }) {
  // Resolved once: the actions may be conditional (a Show), and reading the prop again would build them again.
  // Several conditional ones resolve to a list with a hole for each hidden one: holes (and `false`) are no actions.
  const actions = children(() => props.actions);
  return (
    <header class="page-header">
      <h1>{props.title}</h1>
      <Show when={actions.toArray().some((action) => action != null && action !== false)}>
        <div class="page-actions">{actions()}</div>
      </Show>
    </header>
  );
}
