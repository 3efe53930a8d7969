import { createSignal } from 'solid-js';

/**
 * What a ConfirmDialog asks about (undefined while it is closed) and whether the confirmed action runs. The
 * dialog closes once the action went through, and stays open when it did not (the action says why).
 */
export function createConfirmation<T>() {
  const [subject, setSubject] = createSignal<T>();
  const [busy, setBusy] = createSignal(false);
  return {
    subject,
    busy,
    isOpen: () => subject() !== undefined,
    ask: (value: T) => setSubject(() => value),
    dismiss: () => setSubject(undefined),
    async confirm(action: (value: T) => Promise<boolean>) {
      const value = subject();
      if (value === undefined) return;
      setBusy(true);
      try {
        if (await action(value)) setSubject(undefined);
      } finally {
        setBusy(false);
      }
    },
  };
}
