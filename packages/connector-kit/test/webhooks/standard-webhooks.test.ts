import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signStandardWebhook, verifyStandardWebhook } from '../../src/index.ts';

const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

describe('Standard Webhooks signatures', () => {
  it('match an independent HMAC-SHA256 over id.timestamp.body with the base64 key', () => {
    const timestamp = new Date(1_614_265_330_000);
    const body = '{"test": 2432232314}';
    const headers = signStandardWebhook({ secret, id: 'msg_p5jXN8AQM9LWM0D4loKWxJek', timestamp, body });
    const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
    const expected = createHmac('sha256', key)
      .update(`msg_p5jXN8AQM9LWM0D4loKWxJek.1614265330.${body}`)
      .digest('base64');
    expect(headers).toEqual({
      'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      'webhook-timestamp': '1614265330',
      'webhook-signature': `v1,${expected}`,
    });
  });

  it('verify accepts a fresh signature and any of several listed ones', () => {
    const body = '{"a":1}';
    const headers = signStandardWebhook({ secret, id: 'msg_1', timestamp: new Date(), body });
    expect(verifyStandardWebhook(secret, { headers: new Headers({ ...headers }), rawBody: body })).toEqual({
      ok: true,
    });
    const rotated = new Headers({
      ...headers,
      'webhook-signature': `v1,bm90LWl0 ${headers['webhook-signature']}`,
    });
    expect(verifyStandardWebhook(secret, { headers: rotated, rawBody: body })).toEqual({ ok: true });
  });

  it('verify rejects a changed body, id or signature, and missing headers', () => {
    const body = '{"a":1}';
    const headers = signStandardWebhook({ secret, id: 'msg_1', timestamp: new Date(), body });
    const check = (h: Record<string, string>, b = body) =>
      verifyStandardWebhook(secret, { headers: new Headers(h), rawBody: b });
    expect(check({ ...headers }, '{"a":2}')).toEqual({ ok: false, reason: 'No matching signature found' });
    expect(check({ ...headers, 'webhook-id': 'msg_2' }).ok).toBe(false);
    expect(check({ ...headers, 'webhook-signature': 'v1,AAAA' }).ok).toBe(false);
    expect(check({})).toEqual({ ok: false, reason: 'Missing required headers' });
  });

  it('verify rejects timestamps more than five minutes away', () => {
    const body = '{}';
    const old = signStandardWebhook({ secret, id: 'm', timestamp: new Date(Date.now() - 301_000), body });
    expect(verifyStandardWebhook(secret, { headers: new Headers({ ...old }), rawBody: body }).ok).toBe(false);
  });
});
