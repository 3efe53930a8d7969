import { notify } from './toaster.tsx';

/** Copies `text` to the clipboard and says so; where the browser refuses, says to copy it by hand. */
export function CopyButton(props: { text: string; label: string; what: string }) {
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.text);
      notify('success', `${props.what} copied`);
    } catch {
      notify('error', `Could not copy the ${props.what.toLowerCase()}`, 'Select it and copy it yourself.');
    }
  };
  return (
    <button type="button" class="button" onClick={() => void copy()}>
      {props.label}
    </button>
  );
}
