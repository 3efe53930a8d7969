import { createUniqueId, type JSX, Show, splitProps } from 'solid-js';

/** A labelled input with its hint and error tied to it (aria-describedby / aria-invalid). */
export function TextField(
  props: {
    label: string;
    error?: string | undefined;
    hint?: JSX.Element;
  } & JSX.InputHTMLAttributes<HTMLInputElement>,
) {
  const [own, input] = splitProps(props, ['label', 'error', 'hint', 'id', 'class']);
  const id = own.id ?? createUniqueId();
  const described = () => [own.hint ? `${id}-hint` : '', own.error ? `${id}-error` : ''].join(' ').trim();
  return (
    <div class={`field ${own.class ?? ''}`}>
      <label class="field-label" for={id}>
        {own.label}
      </label>
      <input
        {...input}
        id={id}
        class="input"
        aria-invalid={own.error ? true : undefined}
        aria-describedby={described() || undefined}
      />
      <Show when={own.hint}>
        <span class="field-hint" id={`${id}-hint`}>
          {own.hint}
        </span>
      </Show>
      <Show when={own.error}>
        <span class="field-error" id={`${id}-error`}>
          {own.error}
        </span>
      </Show>
    </div>
  );
}
