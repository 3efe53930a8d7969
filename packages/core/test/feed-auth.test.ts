import { expect, it } from 'vitest';
import {
  createFeed,
  createStore,
  type FeedInput,
  type FeedUpdate,
  feedAuthSummaries,
  getFeed,
  openFeedAuth,
  type Store,
  updateFeed,
  ValidationError,
} from '../src/index.ts';
import { describeEachDialect } from '../src/testing/index.ts';
import { testSecretBox } from './support/test-secret-box.ts';

const URL_A = 'https://erp.example.com/stock.csv';
const PASSWORD = 'correct horse battery staple';
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.secret-token.sig';
const API_KEY = 'key-0123456789abcdef';

describeEachDialect('feed credentials', (ctx) => {
  const secrets = testSecretBox();
  let store: Store;

  const storedRow = async (feedId: number) =>
    ctx.db.selectFrom('feeds').selectAll().where('id', '=', feedId).executeTakeFirstOrThrow();
  const storedAuth = async (feedId: number) => {
    const { authCiphertext } = await storedRow(feedId);
    return authCiphertext === null ? null : openFeedAuth(secrets, authCiphertext);
  };
  const summaryOf = async (feedId: number) =>
    (await feedAuthSummaries(ctx.db, store.id, [feedId], secrets)).get(feedId) ?? null;
  const create = (input: Partial<FeedInput>) =>
    createFeed(ctx.db, store.id, { name: 'ERP', url: URL_A, ...input }, { secrets });
  const update = (feedId: number, input: FeedUpdate) =>
    updateFeed(ctx.db, store.id, feedId, input, { secrets });

  /** The field paths and messages a failed call names. */
  async function issuesOf(call: Promise<unknown>) {
    const error = await call.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  }

  it('stores each kind of credentials sealed, and shows only its kind and name', async () => {
    store = await createStore(ctx.db, { name: 'Credentials' });
    const kinds = [
      {
        auth: { type: 'basic' as const, username: ' erp-user ', password: ` ${PASSWORD} ` },
        opened: { type: 'basic', username: 'erp-user', password: ` ${PASSWORD} ` },
        summary: { type: 'basic', username: 'erp-user' },
        secret: PASSWORD,
      },
      {
        auth: { type: 'bearer' as const, token: TOKEN },
        opened: { type: 'bearer', token: TOKEN },
        summary: { type: 'bearer' },
        secret: TOKEN,
      },
      {
        auth: { type: 'header' as const, name: 'X-Api-Key', value: API_KEY },
        opened: { type: 'header', name: 'X-Api-Key', value: API_KEY },
        summary: { type: 'header', name: 'X-Api-Key' },
        secret: API_KEY,
      },
    ];
    for (const kind of kinds) {
      const feed = await create({ auth: kind.auth });
      // The feed core returns carries nothing of them; the column holds only ciphertext.
      expect(JSON.stringify(feed)).not.toContain(kind.secret);
      expect(Object.keys(feed)).not.toContain('authCiphertext');
      const row = await storedRow(feed.id);
      expect(row.authCiphertext).not.toBeNull();
      expect(row.authCiphertext).not.toContain(kind.secret);
      expect(await storedAuth(feed.id)).toEqual(kind.opened);
      expect(await summaryOf(feed.id)).toEqual(kind.summary);
    }
    const none = await create({});
    expect((await storedRow(none.id)).authCiphertext).toBeNull();
    expect(await summaryOf(none.id)).toBeNull();
  });

  it('refuses invalid credentials and credentials in the url with their field, writing nothing', async () => {
    store = await createStore(ctx.db, { name: 'Invalid credentials' });
    const count = async () => (await ctx.db.selectFrom('feeds').select('id').execute()).length;
    const before = await count();
    const cases: [string, Partial<FeedInput> | Record<string, unknown>, string, RegExp][] = [
      [
        'user and password in the url',
        { url: `https://me:${PASSWORD}@erp.example.com/s.csv` },
        'url',
        /`auth`/,
      ],
      ['a user in the url', { url: 'https://me@erp.example.com/s.csv' }, 'url', /user name or password/],
      ['an unknown kind', { auth: { type: 'digest' } }, 'auth.type', /basic/],
      ['no password', { auth: { type: 'basic', username: 'me' } }, 'auth.password', /string/],
      [
        'a colon in the user',
        { auth: { type: 'basic', username: 'a:b', password: 'x' } },
        'auth.username',
        /":"/,
      ],
      [
        'a line break in the password',
        { auth: { type: 'basic', username: 'me', password: `${PASSWORD}\r\nX: 1` } },
        'auth.password',
        /control characters/,
      ],
      [
        'an overlong user',
        { auth: { type: 'basic', username: 'u'.repeat(201), password: 'x' } },
        'auth.username',
        /200/,
      ],
      ['a token with a space', { auth: { type: 'bearer', token: `${TOKEN} x` } }, 'auth.token', /no spaces/],
      ['an empty token', { auth: { type: 'bearer', token: '  ' } }, 'auth.token', /1/],
      ['an overlong token', { auth: { type: 'bearer', token: 't'.repeat(4001) } }, 'auth.token', /4000/],
      [
        'a secret of another kind',
        { auth: { type: 'bearer', token: TOKEN, password: PASSWORD } },
        'auth',
        /password/,
      ],
      ['Host', { auth: { type: 'header', name: 'Host', value: 'x' } }, 'auth.name', /HTTP client/],
      [
        'Content-Length',
        { auth: { type: 'header', name: 'content-length', value: '1' } },
        'auth.name',
        /HTTP client/,
      ],
      ['a name with a space', { auth: { type: 'header', name: 'X Api', value: 'x' } }, 'auth.name', /valid/],
      [
        'a name with a line break',
        { auth: { type: 'header', name: 'X-Key\r\nEvil', value: 'x' } },
        'auth.name',
        /valid/,
      ],
      [
        'a value with a line break',
        { auth: { type: 'header', name: 'X-Api-Key', value: `${API_KEY}\r\nHost: evil` } },
        'auth.value',
        /printable ASCII/,
      ],
      [
        'a value with NUL',
        { auth: { type: 'header', name: 'X-Api-Key', value: `${API_KEY}\u0000` } },
        'auth.value',
        /printable ASCII/,
      ],
      [
        'a value beyond ASCII',
        { auth: { type: 'header', name: 'X-Api-Key', value: 'clé' } },
        'auth.value',
        /printable ASCII/,
      ],
    ];
    for (const [what, input, field, message] of cases) {
      const issues = await issuesOf(create(input as Partial<FeedInput>));
      expect(issues, what).toEqual([{ path: field, message: expect.stringMatching(message) }]);
      // A message says what is wrong, never what was typed.
      for (const secret of [PASSWORD, TOKEN, API_KEY])
        expect(JSON.stringify(issues), what).not.toContain(secret);
    }
    expect(await count()).toBe(before);
  });

  it('keeps credentials an update leaves out, removes them on null, and keeps a secret left out', async () => {
    store = await createStore(ctx.db, { name: 'Updates' });
    const feed = await create({ auth: { type: 'basic', username: 'me', password: PASSWORD } });
    await update(feed.id, { name: 'ERP nightly', intervalMinutes: 60, url: `${URL_A}?all=1` });
    expect(await storedAuth(feed.id)).toEqual({ type: 'basic', username: 'me', password: PASSWORD });

    // A new user name, the stored password.
    await update(feed.id, { auth: { type: 'basic', username: 'you' } });
    expect(await storedAuth(feed.id)).toEqual({ type: 'basic', username: 'you', password: PASSWORD });
    await update(feed.id, { auth: { type: 'basic', username: 'you', password: 'new password' } });
    expect(await storedAuth(feed.id)).toEqual({ type: 'basic', username: 'you', password: 'new password' });

    // Another kind needs its own secret.
    const before = await storedRow(feed.id);
    expect(await issuesOf(update(feed.id, { auth: { type: 'header', name: 'X-Api-Key' } }))).toEqual([
      { path: 'auth.value', message: 'required: the stored credentials are not header credentials' },
    ]);
    expect(await storedRow(feed.id)).toEqual(before);
    await update(feed.id, { auth: { type: 'header', name: 'X-Api-Key', value: API_KEY } });
    await update(feed.id, { auth: { type: 'header', name: 'Authorization' } });
    expect(await storedAuth(feed.id)).toEqual({ type: 'header', name: 'Authorization', value: API_KEY });

    await update(feed.id, { auth: null });
    expect((await storedRow(feed.id)).authCiphertext).toBeNull();
    expect(await issuesOf(update(feed.id, { auth: { type: 'bearer' } }))).toEqual([
      { path: 'auth.token', message: 'required: the feed has no stored credentials to keep it from' },
    ]);
    expect(await getFeed(ctx.db, store.id, feed.id)).toMatchObject({
      name: 'ERP nightly',
      intervalMinutes: 60,
    });
  });

  it('never lets stored credentials follow the url to another origin', async () => {
    store = await createStore(ctx.db, { name: 'Moves' });
    const feed = await create({ auth: { type: 'bearer', token: TOKEN } });
    const before = await storedRow(feed.id);
    for (const url of ['https://evil.example.net/stock.csv', 'http://erp.example.com/stock.csv']) {
      const issues = await issuesOf(update(feed.id, { url }));
      expect(issues).toEqual([
        { path: 'auth', message: expect.stringContaining('enter the credentials again') },
      ]);
      expect(await issuesOf(update(feed.id, { url, auth: { type: 'bearer' } }))).toEqual([
        { path: 'auth.token', message: expect.stringContaining('another origin') },
      ]);
    }
    // Not through a detour without a url either.
    await update(feed.id, { url: null });
    expect(await issuesOf(update(feed.id, { url: URL_A }))).toEqual([
      { path: 'auth', message: expect.stringContaining('enter the credentials again') },
    ]);
    await update(feed.id, { url: URL_A, auth: { type: 'bearer', token: TOKEN } });
    expect(await storedAuth(feed.id)).toEqual({ type: 'bearer', token: TOKEN });

    // The same origin, another path: kept. Sent again or removed: the move is fine.
    await update(feed.id, { url: 'https://erp.example.com/v2/stock.csv' });
    expect(await storedAuth(feed.id)).toEqual({ type: 'bearer', token: TOKEN });
    await update(feed.id, {
      url: 'https://mirror.example.org/s.csv',
      auth: { type: 'bearer', token: 'other' },
    });
    expect(await storedAuth(feed.id)).toEqual({ type: 'bearer', token: 'other' });
    await update(feed.id, { url: URL_A, auth: null });
    expect(await storedAuth(feed.id)).toBeNull();
    expect(before.authCiphertext).not.toBeNull();
  });

  it('says when stored credentials cannot be opened, and asks for them again', async () => {
    store = await createStore(ctx.db, { name: 'Rotated secret' });
    const feed = await createFeed(
      ctx.db,
      store.id,
      { name: 'Old', url: URL_A, auth: { type: 'basic', username: 'me', password: PASSWORD } },
      { secrets: testSecretBox() },
    );
    expect(await summaryOf(feed.id)).toEqual({ type: 'unreadable' });
    expect(await issuesOf(update(feed.id, { auth: { type: 'basic', username: 'me' } }))).toEqual([
      { path: 'auth.password', message: expect.stringContaining('cannot be read') },
    ]);
    await update(feed.id, { auth: { type: 'basic', username: 'me', password: PASSWORD } });
    expect(await summaryOf(feed.id)).toEqual({ type: 'basic', username: 'me' });
  });

  it('shows only the store’s own feeds’ credentials', async () => {
    store = await createStore(ctx.db, { name: 'Mine' });
    const other = await createStore(ctx.db, { name: 'Theirs' });
    const theirs = await createFeed(
      ctx.db,
      other.id,
      { name: 'Theirs', url: URL_A, auth: { type: 'bearer', token: TOKEN } },
      { secrets },
    );
    expect(await feedAuthSummaries(ctx.db, store.id, [theirs.id], secrets)).toEqual(new Map());
    await expect(updateFeed(ctx.db, store.id, theirs.id, { auth: null }, { secrets })).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(await storedAuth(theirs.id)).toEqual({ type: 'bearer', token: TOKEN });
  });

  it('needs the secret box to store credentials', async () => {
    store = await createStore(ctx.db, { name: 'No box' });
    await expect(
      createFeed(ctx.db, store.id, { name: 'x', url: URL_A, auth: { type: 'bearer', token: TOKEN } }),
    ).rejects.toThrow('secret box');
    const feed = await create({});
    await expect(
      updateFeed(ctx.db, store.id, feed.id, { auth: { type: 'bearer', token: TOKEN } }),
    ).rejects.toThrow('secret box');
    expect((await storedRow(feed.id)).authCiphertext).toBeNull();
  });
});
