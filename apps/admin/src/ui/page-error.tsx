import { ErrorBoundary, type JSX } from 'solid-js';
import { errorMessage } from '../api/problem.ts';

/** Whatever a page fails on unexpectedly is shown in place of the page, with a retry, never a blank screen. */
export function PageErrorBoundary(props: { children: JSX.Element }) {
  return (
    <ErrorBoundary
      fallback={(error, reset) => (
        <section class="page">
          <h1>Something went wrong</h1>
          <p class="form-error" role="alert">
            {errorMessage(error)}
          </p>
          <p>
            <button type="button" class="button" onClick={reset}>
              Try again
            </button>
          </p>
        </section>
      )}
    >
      {props.children}
    </ErrorBoundary>
  );
}
