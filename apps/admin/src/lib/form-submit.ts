import { createSignal } from 'solid-js';
import { ApiError, errorMessage } from '../api/problem.ts';

/**
 * A form's submit: the page is not reloaded, the last errors are cleared, the form is busy while `work` runs.
 * When it fails the form shows why, and each field the reason the server's problem gives for it; `fieldOf`
 * maps the server's field path (`body.sku`) to the key the form's field reads (undefined: none does).
 */
export function createFormSubmit(
  work: () => Promise<void>,
  fieldOf: (path: string) => string | undefined = (path) => path,
) {
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string>();
  const [fieldErrors, setFieldErrors] = createSignal(new Map<string, string>());
  const clear = () => {
    setError(undefined);
    setFieldErrors(new Map());
  };
  return {
    busy,
    /** Why the last submit failed, for the whole form. */
    error,
    /** Why, per field key. */
    fieldErrors,
    clear,
    /** What the form found wrong itself, before asking the server (`work` then returns without a request). */
    reject(fields: Map<string, string>, message?: string) {
      setFieldErrors(fields);
      setError(message);
    },
    /** Resolves to whether it went through: no failure, nothing rejected. */
    async submit(event: { preventDefault(): void }): Promise<boolean> {
      event.preventDefault();
      clear();
      setBusy(true);
      try {
        await work();
        return error() === undefined && fieldErrors().size === 0;
      } catch (failure) {
        if (failure instanceof ApiError) setFieldErrors(fieldsOf(failure, fieldOf));
        setError(errorMessage(failure));
        return false;
      } finally {
        setBusy(false);
      }
    },
  };
}

export type FormSubmit = ReturnType<typeof createFormSubmit>;

function fieldsOf(failure: ApiError, fieldOf: (path: string) => string | undefined): Map<string, string> {
  const fields = new Map<string, string>();
  for (const [path, reason] of failure.fieldErrors()) {
    const key = fieldOf(path);
    if (key !== undefined) fields.set(key, reason);
  }
  return fields;
}
