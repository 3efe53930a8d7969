import { A } from '@solidjs/router';

/** The way back from a detail page to the list it was opened from. */
export function BackLink(props: { href: string; label: string }) {
  return (
    <p>
      <A href={props.href}>← {props.label}</A>
    </p>
  );
}
