import { createRoot } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/api/problem.ts';
import { createFormSubmit } from '../src/lib/form-submit.ts';

/** The browser's submit event, as far as the form looks at it. */
function submitEvent() {
  const event = {
    prevented: false,
    preventDefault() {
      event.prevented = true;
    },
  };
  return event;
}

const refused = new ApiError(422, {
  type: 'https://ballast.dev/problems/validation',
  title: 'The request is not valid',
  status: 422,
  code: 'validation',
  detail: 'invalid channel',
  errors: [
    { field: 'body.name', reason: 'is required' },
    { field: 'body.config.endpointUrl', reason: 'must be a URL' },
  ],
});

const inRoot = <T>(make: () => T): T => createRoot(() => make());

describe('createFormSubmit', () => {
  it('keeps the page, runs the work and says it went through', async () => {
    let ran = 0;
    const form = inRoot(() =>
      createFormSubmit(async () => {
        ran++;
      }),
    );
    const event = submitEvent();
    expect(await form.submit(event)).toBe(true);
    expect(event.prevented).toBe(true);
    expect(ran).toBe(1);
    expect(form.error()).toBeUndefined();
    expect(form.busy()).toBe(false);
  });

  it("shows the server's reason for the form and per field, renamed to the form's keys", async () => {
    const form = inRoot(() =>
      createFormSubmit(
        () => Promise.reject(refused),
        (path) => (path.startsWith('body.config.') ? path.slice('body.config.'.length) : undefined),
      ),
    );
    expect(await form.submit(submitEvent())).toBe(false);
    expect(form.error()).toBe(refused.message);
    expect([...form.fieldErrors()]).toEqual([['endpointUrl', 'must be a URL']]);
    expect(form.busy()).toBe(false);
  });

  it('clears the last errors when submitted again', async () => {
    let fail = true;
    const form = inRoot(() => createFormSubmit(() => (fail ? Promise.reject(refused) : Promise.resolve())));
    await form.submit(submitEvent());
    expect(form.fieldErrors().size).toBe(2);
    fail = false;
    expect(await form.submit(submitEvent())).toBe(true);
    expect(form.error()).toBeUndefined();
    expect(form.fieldErrors().size).toBe(0);
  });

  it('does not go through when the work rejects what the form found wrong itself', async () => {
    const form = inRoot(() => {
      const f = createFormSubmit(async () => {
        f.reject(new Map([['sku', 'is required']]), 'Fill in a SKU.');
      });
      return f;
    });
    expect(await form.submit(submitEvent())).toBe(false);
    expect(form.error()).toBe('Fill in a SKU.');
    expect(form.fieldErrors().get('sku')).toBe('is required');
  });

  it('says why when the server cannot be reached, with no field errors', async () => {
    const form = inRoot(() => createFormSubmit(() => Promise.reject(new TypeError('fetch failed'))));
    expect(await form.submit(submitEvent())).toBe(false);
    expect(form.error()).toBe('The server could not be reached. Check your connection and try again.');
    expect(form.fieldErrors().size).toBe(0);
  });
});
