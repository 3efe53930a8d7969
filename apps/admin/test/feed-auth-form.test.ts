import { describe, expect, it } from 'vitest';
import {
  type FeedAuthSummary,
  feedAuthCredentials,
  feedAuthEdit,
  feedAuthErrors,
  feedAuthLabel,
  feedAuthValues,
  NO_AUTH,
} from '../src/lib/feed-auth-form.ts';

const basic: FeedAuthSummary = { type: 'basic', username: 'erp' };
const header: FeedAuthSummary = { type: 'header', name: 'X-Api-Key' };

describe('the feed form’s Authentication section', () => {
  it('registers what is typed, and nothing for None', () => {
    expect(feedAuthCredentials(NO_AUTH)).toBeUndefined();
    expect(
      feedAuthCredentials({ ...NO_AUTH, mode: 'basic', username: ' erp ', password: ' pass word ' }),
    ).toEqual({ type: 'basic', username: 'erp', password: ' pass word ' });
    expect(feedAuthCredentials({ ...NO_AUTH, mode: 'bearer', token: 'tok' })).toEqual({
      type: 'bearer',
      token: 'tok',
    });
    expect(
      feedAuthCredentials({ ...NO_AUTH, mode: 'header', headerName: 'X-Api-Key', headerValue: 'k' }),
    ).toEqual({ type: 'header', name: 'X-Api-Key', value: 'k' });
  });

  it('starts from what is stored, with every secret blank', () => {
    expect(feedAuthValues(null)).toEqual(NO_AUTH);
    expect(feedAuthValues(basic)).toEqual({ ...NO_AUTH, mode: 'basic', username: 'erp' });
    expect(feedAuthValues({ type: 'bearer' })).toEqual({ ...NO_AUTH, mode: 'bearer' });
    expect(feedAuthValues(header)).toEqual({ ...NO_AUTH, mode: 'header', headerName: 'X-Api-Key' });
    // Credentials this server cannot read start as None (saving so removes them, as the page says).
    expect(feedAuthValues({ type: 'unreadable' })).toEqual(NO_AUTH);
    expect(feedAuthLabel({ type: 'unreadable' })).toContain('enter them again');
    expect(feedAuthLabel(basic)).toBe('Basic, user erp');
  });

  it('saves nothing while nothing changed, and keeps a secret left blank', () => {
    expect(feedAuthEdit(feedAuthValues(null), null)).toBeUndefined();
    expect(feedAuthEdit(feedAuthValues(basic), basic)).toBeUndefined();
    expect(feedAuthEdit(feedAuthValues({ type: 'bearer' }), { type: 'bearer' })).toBeUndefined();
    expect(feedAuthEdit(feedAuthValues(header), header)).toBeUndefined();
    // A new user or header name alone: sent without the secret, which the server keeps.
    expect(feedAuthEdit({ ...feedAuthValues(basic), username: 'erp2' }, basic)).toEqual({
      type: 'basic',
      username: 'erp2',
    });
    expect(feedAuthEdit({ ...feedAuthValues(header), headerName: 'X-Key' }, header)).toEqual({
      type: 'header',
      name: 'X-Key',
    });
  });

  it('replaces a secret typed, another kind in full, and removes them on None', () => {
    expect(feedAuthEdit({ ...feedAuthValues(basic), password: 'new' }, basic)).toEqual({
      type: 'basic',
      username: 'erp',
      password: 'new',
    });
    expect(feedAuthEdit({ ...NO_AUTH, mode: 'bearer', token: 'tok' }, basic)).toEqual({
      type: 'bearer',
      token: 'tok',
    });
    expect(feedAuthEdit(NO_AUTH, basic)).toBeNull();
    expect(feedAuthEdit(NO_AUTH, { type: 'unreadable' })).toBeNull();
  });

  it('asks for the secret of a kind not stored, but not for the stored one', () => {
    expect(feedAuthErrors({ ...NO_AUTH, mode: 'basic' }, null)).toEqual(
      new Map([
        ['body.auth.username', 'enter the user name'],
        ['body.auth.password', 'enter the password'],
      ]),
    );
    expect(feedAuthErrors(feedAuthValues(basic), basic)).toEqual(new Map());
    expect(feedAuthErrors({ ...NO_AUTH, mode: 'bearer' }, basic)).toEqual(
      new Map([['body.auth.token', 'enter the token']]),
    );
    expect(feedAuthErrors({ ...NO_AUTH, mode: 'header', headerValue: 'k' }, null)).toEqual(
      new Map([['body.auth.name', 'enter the header name']]),
    );
    expect(feedAuthErrors(NO_AUTH, basic)).toEqual(new Map());
  });
});
