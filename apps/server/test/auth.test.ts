import { DIALECTS } from '@ballast/core/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSessionAuth } from '../src/auth/session-auth.ts';
import { HttpProblem } from '../src/http/problem.ts';
import { createSessionTestServer, type SessionTestServer, TEST_ORIGIN } from './support/test-server.ts';

const PASSWORD = 'correct horse battery staple';
const EVIL = 'https://evil.example';

async function count(s: SessionTestServer, table: 'auth_sessions' | 'auth_users'): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(s.t.db);
  return Number(rows[0]!.n);
}

function problemOf(res: Response) {
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  return res.json() as Promise<{ code: string; errors?: { field: string }[] }>;
}

for (const dialect of DIALECTS) {
  describe(`auth API [${dialect}]`, () => {
    let s: SessionTestServer;
    beforeAll(async () => {
      s = await createSessionTestServer(dialect);
      await s.createUser('owner@example.com', PASSWORD, [s.store.id]);
      await s.createUser('other@example.com', PASSWORD, [{ storeId: s.otherStore.id, role: 'member' }]);
    });
    afterAll(() => s.close());

    describe('POST /auth/sign-in', () => {
      it('happy: sets an httpOnly SameSite=Lax session cookie and returns the user with their stores', async () => {
        const res = await s.request('POST', '/auth/sign-in', {
          token: null,
          headers: { origin: TEST_ORIGIN },
          body: { email: 'owner@example.com', password: PASSWORD },
        });
        expect(res.status).toBe(200);
        const cookie = res.headers.getSetCookie().find((c) => c.startsWith('ballast.session_token='));
        expect(cookie).toMatch(/; HttpOnly/);
        expect(cookie).toMatch(/; SameSite=Lax/);
        expect(cookie).toMatch(/; Path=\//);
        expect(cookie).not.toMatch(/; Secure/);
        expect(res.headers.get('cache-control')).toBe('no-store');
        const body = (await res.json()) as { user: { email: string }; stores: unknown[]; expiresAt: number };
        expect(body.user.email).toBe('owner@example.com');
        expect(body.stores).toEqual([{ id: s.store.id, name: 'Main store', role: 'owner' }]);
        expect(body.expiresAt).toBeGreaterThan(Date.now() + 6 * 24 * 3600_000);
        // The cookie authenticates API calls for the user's stores.
        const stores = await s.request('GET', '/stores', { cookie: cookie!.split(';')[0]! });
        expect(await stores.json()).toEqual({ items: [expect.objectContaining({ id: s.store.id })] });
      });

      it('happy: accepts the email in any case', async () => {
        const cookie = await s.signIn('OWNER@Example.com', PASSWORD);
        expect((await s.request('GET', '/auth/session', { cookie })).status).toBe(200);
      });

      it('error: a wrong password or unknown email gets 401 problem+json, no cookie and no session', async () => {
        const before = await count(s, 'auth_sessions');
        for (const body of [
          { email: 'owner@example.com', password: 'wrong password!' },
          { email: 'nobody@example.com', password: PASSWORD },
        ]) {
          const res = await s.request('POST', '/auth/sign-in', { token: null, body });
          expect(res.status).toBe(401);
          expect(res.headers.getSetCookie()).toEqual([]);
          expect(await problemOf(res)).toMatchObject({ code: 'unauthorized' });
        }
        expect(await count(s, 'auth_sessions')).toBe(before);
      });

      it('error: invalid input gets 422 naming each field, and nothing is written', async () => {
        const before = await count(s, 'auth_sessions');
        const res = await s.request('POST', '/auth/sign-in', {
          token: null,
          body: { email: 'not-an-email', password: '', remember: true },
        });
        expect(res.status).toBe(422);
        const fields = (await problemOf(res)).errors?.map((e) => e.field);
        expect(fields).toEqual(expect.arrayContaining(['body.email', 'body.password']));
        expect(await count(s, 'auth_sessions')).toBe(before);
      });

      it('security: refuses a sign-in sent from an untrusted origin (login CSRF)', async () => {
        const before = await count(s, 'auth_sessions');
        const res = await s.request('POST', '/auth/sign-in', {
          token: null,
          headers: { origin: EVIL, 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'cors' },
          body: { email: 'owner@example.com', password: PASSWORD },
        });
        expect(res.status).toBe(403);
        expect(res.headers.getSetCookie()).toEqual([]);
        expect(await count(s, 'auth_sessions')).toBe(before);
      });

      it('security: with a session cookie present, an untrusted origin is refused', async () => {
        const cookie = await s.signIn('owner@example.com', PASSWORD);
        const res = await s.request('POST', '/auth/sign-in', {
          cookie,
          origin: EVIL,
          body: { email: 'owner@example.com', password: PASSWORD },
        });
        expect(res.status).toBe(403);
      });

      it('security: rate limits attempts per client address', async () => {
        const sessions = createSessionAuth(s.t.db, dialect, {
          secret: 'test-secret-at-least-16-chars',
          publicUrl: TEST_ORIGIN,
          trustedOrigins: [TEST_ORIGIN],
          secureCookies: false,
          logError: () => {},
        });
        // better-auth's memory store is per process: each dialect's run uses its own addresses.
        const [first, second] =
          dialect === 'sqlite' ? ['203.0.113.7', '203.0.113.8'] : ['203.0.113.9', '203.0.113.10'];
        const attempt = () =>
          sessions
            .signIn(new Request(TEST_ORIGIN), { email: 'owner@example.com', password: 'guess' }, first)
            .then(
              () => 200,
              (e: unknown) => (e instanceof HttpProblem ? e.body.status : 500),
            );
        const statuses = [];
        for (let i = 0; i < 4; i++) statuses.push(await attempt());
        expect(statuses).toEqual([401, 401, 401, 429]);
        // Another address has its own budget.
        await expect(
          sessions.signIn(
            new Request(TEST_ORIGIN),
            { email: 'owner@example.com', password: PASSWORD },
            second,
          ),
        ).resolves.toMatchObject({ user: { email: 'owner@example.com' } });
      });

      it('security: a refused origin reaches the server log', async () => {
        const logged: string[] = [];
        const sessions = createSessionAuth(s.t.db, dialect, {
          secret: 'test-secret-at-least-16-chars',
          publicUrl: TEST_ORIGIN,
          trustedOrigins: [TEST_ORIGIN],
          secureCookies: false,
          rateLimit: false,
          logError: (message) => logged.push(message),
        });
        const from = new Request(TEST_ORIGIN, { headers: { origin: EVIL } });
        await expect(
          sessions.signIn(from, { email: 'owner@example.com', password: PASSWORD }),
        ).rejects.toThrow(HttpProblem);
        expect(logged).toContainEqual(expect.stringContaining(`Invalid origin: ${EVIL}`));
      });

      it('security: Secure, __Secure- prefixed cookies when configured for https', async () => {
        const sessions = createSessionAuth(s.t.db, dialect, {
          secret: 'test-secret-at-least-16-chars',
          publicUrl: 'https://ballast.example',
          trustedOrigins: ['https://ballast.example'],
          secureCookies: true,
          rateLimit: false,
          logError: () => {},
        });
        const { setCookies } = await sessions.signIn(new Request('https://ballast.example'), {
          email: 'owner@example.com',
          password: PASSWORD,
        });
        const cookie = setCookies.find((c) => c.startsWith('__Secure-ballast.session_token='));
        expect(cookie).toMatch(/; Secure/);
        expect(cookie).toMatch(/; HttpOnly/);
      });
    });

    describe('GET /auth/session', () => {
      it('happy: the user and their stores, with roles', async () => {
        const cookie = await s.signIn('other@example.com', PASSWORD);
        const res = await s.request('GET', '/auth/session', { cookie });
        expect(res.status).toBe(200);
        expect(await res.json()).toMatchObject({
          user: { email: 'other@example.com', name: 'other' },
          stores: [{ id: s.otherStore.id, name: 'Other store', role: 'member' }],
        });
      });

      it('happy: slides an aging session forward and resends the cookie; API calls do not', async () => {
        const cookie = await s.signIn('owner@example.com', PASSWORD);
        const token = decodeURIComponent(cookie.split('=')[1]!).split('.')[0]!;
        const soon = new Date(Date.now() + 3600_000);
        const setExpiry = (at: Date) =>
          sql`update auth_sessions set expires_at = ${dialect === 'sqlite' ? at.toISOString() : at} where token = ${token}`.execute(
            s.t.db,
          );
        const expiryOf = async () => {
          const { rows } = await sql<{
            at: string | Date;
          }>`select expires_at as at from auth_sessions where token = ${token}`.execute(s.t.db);
          return new Date(rows[0]!.at).getTime();
        };
        await setExpiry(soon);
        expect((await s.request('GET', '/stores', { cookie })).status).toBe(200);
        expect(await expiryOf()).toBe(soon.getTime());

        const res = await s.request('GET', '/auth/session', { cookie });
        expect(res.status).toBe(200);
        expect(res.headers.getSetCookie().some((c) => c.startsWith('ballast.session_token='))).toBe(true);
        const { expiresAt } = (await res.json()) as { expiresAt: number };
        expect(expiresAt).toBeGreaterThan(Date.now() + 6 * 24 * 3600_000);
        expect(await expiryOf()).toBe(expiresAt);
      });

      it('error: 401 problem+json without a session', async () => {
        const res = await s.request('GET', '/auth/session', { token: null });
        expect(res.status).toBe(401);
        expect(await problemOf(res)).toMatchObject({ code: 'unauthorized' });
      });

      it('error: 401 once the session has expired, for the session view and the API', async () => {
        const cookie = await s.signIn('owner@example.com', PASSWORD);
        const token = decodeURIComponent(cookie.split('=')[1]!).split('.')[0]!;
        const past = new Date(Date.now() - 1000);
        await sql`update auth_sessions set expires_at = ${dialect === 'sqlite' ? past.toISOString() : past} where token = ${token}`.execute(
          s.t.db,
        );
        expect((await s.request('GET', '/auth/session', { cookie })).status).toBe(401);
        expect((await s.request('GET', '/stores', { cookie })).status).toBe(401);
      });

      it('security: a cookie with a forged signature is not a session', async () => {
        const cookie = await s.signIn('owner@example.com', PASSWORD);
        const [name, value] = cookie.split('=') as [string, string];
        const [token] = decodeURIComponent(value).split('.');
        const forged = `${name}=${encodeURIComponent(`${token}.${'A'.repeat(43)}=`)}`;
        expect((await s.request('GET', '/auth/session', { cookie: forged })).status).toBe(401);
        expect((await s.request('GET', '/stores', { cookie: forged })).status).toBe(401);
        // The bare token (as read from a leaked database) is not a cookie either: it needs the server's signature.
        expect((await s.request('GET', '/stores', { cookie: `${name}=${token}` })).status).toBe(401);
      });
    });

    describe('POST /auth/sign-out', () => {
      it('happy: ends the session in the database and clears the cookie', async () => {
        const cookie = await s.signIn('owner@example.com', PASSWORD);
        const before = await count(s, 'auth_sessions');
        const res = await s.request('POST', '/auth/sign-out', { cookie });
        expect(res.status).toBe(204);
        expect(res.headers.getSetCookie()).toContainEqual(
          expect.stringMatching(/^ballast\.session_token=; Max-Age=0/),
        );
        expect(await count(s, 'auth_sessions')).toBe(before - 1);
        expect((await s.request('GET', '/auth/session', { cookie })).status).toBe(401);
        expect((await s.request('GET', '/stores', { cookie })).status).toBe(401);
      });

      it('error: without a session it does nothing and answers 204', async () => {
        const before = await count(s, 'auth_sessions');
        const res = await s.request('POST', '/auth/sign-out', { token: null });
        expect(res.status).toBe(204);
        expect(await count(s, 'auth_sessions')).toBe(before);
      });

      it('security: a cross-site sign-out is refused and the session lives on', async () => {
        const cookie = await s.signIn('owner@example.com', PASSWORD);
        const res = await s.request('POST', '/auth/sign-out', { cookie, origin: EVIL });
        expect(res.status).toBe(403);
        expect(await problemOf(res)).toMatchObject({ code: 'forbidden' });
        expect((await s.request('GET', '/auth/session', { cookie })).status).toBe(200);
      });
    });

    describe('session cookies on the API', () => {
      it('happy: a user reads and changes their store', async () => {
        const cookie = await s.signIn('owner@example.com', PASSWORD);
        const res = await s.request('PATCH', `/stores/${s.store.id}`, {
          cookie,
          body: { allowNegative: true },
        });
        expect(res.status).toBe(200);
        expect(await res.json()).toMatchObject({ allowNegative: true });
      });

      it('security: a user gets 403 on a store they do not belong to', async () => {
        const cookie = await s.signIn('other@example.com', PASSWORD);
        expect((await s.request('GET', `/stores/${s.store.id}`, { cookie })).status).toBe(403);
        const write = await s.request('PATCH', `/stores/${s.store.id}`, { cookie, body: { name: 'Taken' } });
        expect(write.status).toBe(403);
        expect(await (await s.request('GET', `/stores/${s.store.id}`)).json()).toMatchObject({
          name: 'Main store',
        });
      });

      it('security: a cross-site form post with the cookie is refused (CSRF) and writes nothing', async () => {
        const cookie = await s.signIn('owner@example.com', PASSWORD);
        const res = await s.request('PATCH', `/stores/${s.store.id}`, {
          cookie,
          origin: EVIL,
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'cross-site' },
          body: 'name=Hacked',
        });
        expect(res.status).toBe(403);
        expect(await problemOf(res)).toMatchObject({ code: 'forbidden' });
        expect(await (await s.request('GET', `/stores/${s.store.id}`)).json()).toMatchObject({
          name: 'Main store',
        });
        // The same form from the trusted origin passes the CSRF check (and then fails validation: JSON only).
        const same = await s.request('PATCH', `/stores/${s.store.id}`, {
          cookie,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'name=Hacked',
        });
        expect(same.status).not.toBe(403);
      });

      it('security: an unsafe cookie request without Origin is refused; bearer tokens need none', async () => {
        const cookie = await s.signIn('owner@example.com', PASSWORD);
        const res = await s.request('DELETE', `/stores/${s.store.id}/tokens/999999`, {
          cookie,
          origin: null,
        });
        expect(res.status).toBe(403);
        const withToken = await s.request('PATCH', `/stores/${s.store.id}`, {
          headers: { origin: EVIL },
          body: { name: 'Main store' },
        });
        expect(withToken.status).toBe(200);
      });
    });

    it('documents the auth routes and the session cookie in the OpenAPI document', async () => {
      const doc = (await (await s.app.request('/api/v1/openapi.json')).json()) as {
        paths: Record<string, unknown>;
        components: { securitySchemes: Record<string, unknown>; schemas: Record<string, unknown> };
      };
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining(['/auth/sign-in', '/auth/sign-out', '/auth/session']),
      );
      expect(doc.components.securitySchemes.sessionCookie).toMatchObject({ in: 'cookie' });
      expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['Session', 'SignIn']));
    });
  });
}
