import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ChannelError, classifyError, classifyStatus, failBatch } from '../../src/index.ts';

describe('classifyStatus', () => {
  it.each([408, 425, 429, 500, 502, 503, 504, 599])('%i is transient', (status) => {
    expect(classifyStatus(status).retryable).toBe(true);
  });

  it.each([
    [400, 'validation'],
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [410, 'not_found'],
    [413, 'validation'],
    [422, 'validation'],
    [409, 'http_409'],
  ])('%i is permanent (%s)', (status, code) => {
    expect(classifyStatus(status)).toEqual({ retryable: false, code });
  });
});

describe('classifyError', () => {
  it('keeps a ChannelError as it is', () => {
    const error = new ChannelError({ retryable: false, code: 'X', message: 'm' });
    expect(classifyError(error)).toBe(error);
  });

  it('timeouts and aborts are transient', () => {
    expect(classifyError(new DOMException('t', 'TimeoutError'))).toMatchObject({
      retryable: true,
      code: 'timeout',
    });
    expect(classifyError(new DOMException('a', 'AbortError'))).toMatchObject({
      retryable: true,
      code: 'aborted',
    });
  });

  it('unreadable bodies are transient', () => {
    let syntax: unknown;
    try {
      JSON.parse('{"a":');
    } catch (error) {
      syntax = error;
    }
    expect(classifyError(syntax)).toMatchObject({ retryable: true, code: 'malformed_body' });
    const zod = z.object({ a: z.number() }).safeParse({ a: 'x' });
    expect(classifyError(zod.error)).toMatchObject({ retryable: true, code: 'malformed_body' });
  });

  it('a refused connection (a real one) is transient', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const error = await fetch(`http://127.0.0.1:${port}/`).catch((e: unknown) => e);
    expect(classifyError(error)).toMatchObject({ retryable: true, code: 'network' });
  });

  it('certificate failures are permanent', () => {
    const cause = Object.assign(new Error('self signed'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    expect(classifyError(new TypeError('fetch failed', { cause }))).toMatchObject({
      retryable: false,
      code: 'tls',
    });
  });

  it('a bad URL and plain bugs are permanent', async () => {
    const badUrl = await fetch('not a url').catch((e: unknown) => e);
    expect(classifyError(badUrl).retryable).toBe(false);
    expect(classifyError(new TypeError("Cannot read properties of undefined (reading 'x')"))).toMatchObject({
      retryable: false,
      code: 'unexpected_error',
    });
  });
});

describe('failBatch', () => {
  it('gives every item the transient outcome and turns retry-after into rate feedback', () => {
    const error = new ChannelError({
      retryable: true,
      code: 'throttled',
      message: 'slow down',
      retryAfterMs: 2000,
    });
    expect(failBatch([{ key: 'a' }, { key: 'b' }], error)).toEqual({
      items: [
        { key: 'a', status: 'transient', code: 'throttled', message: 'slow down', retryAfterMs: 2000 },
        { key: 'b', status: 'transient', code: 'throttled', message: 'slow down', retryAfterMs: 2000 },
      ],
      rateFeedback: { retryAfterMs: 2000 },
    });
  });

  it('gives every item the permanent outcome, classifying raw errors first', () => {
    const result = failBatch(
      [{ key: 'a' }],
      new ChannelError({ retryable: false, code: 'unauthorized', message: 'no' }),
    );
    expect(result).toEqual({
      items: [{ key: 'a', status: 'permanent', code: 'unauthorized', message: 'no' }],
    });
    expect(failBatch([{ key: 'a' }], new DOMException('t', 'TimeoutError')).items[0]).toMatchObject({
      status: 'transient',
      code: 'timeout',
    });
  });
});
