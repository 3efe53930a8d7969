import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openDatabase } from '@ballast/core';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, unwrap } from '../src/api/client.ts';
import { axeViolations } from './support/accessibility.ts';
import { assertServesAdmin } from './support/assert-serves-admin.ts';
import { type BallastServer, startBallast } from './support/ballast-server.ts';
import { type Browser, HAS_CHROMIUM, launchBrowser, logIn, screenshot } from './support/browser.ts';
import { merchantWithStore } from './support/store-api.ts';

const EMAIL = 'feeds@example.com';
const PASSWORD = 'a long feeds passphrase';
const STOCK_CSV = 'sku,quantity\nMUG-BLUE,12\nCUP-RED,5\nNOPE-1,3\n';
/** What the ERP's `/private.csv` accepts: Basic erp / ERP_PASSWORD, or the header X-Api-Key: ERP_KEY. */
const ERP_PASSWORD = 'erp pa55word, never shown';
const ERP_KEY = 'erp-key-0123456789abcdef';
const ERP_BASIC = `Basic ${Buffer.from(`erp:${ERP_PASSWORD}`).toString('base64')}`;
const HOUR = 3_600_000;

/** The admin's formatTime as the browser (en-US, UTC) renders it. */
const shown = (millis: number) =>
  new Date(millis).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });

/**
 * A merchant's ERP export: `/stock.csv` answers a snapshot, `/private.csv` too but only with credentials,
 * `/down.csv` is an export that is down. The server under test pulls from it like from any feed URL.
 */
function startErp(): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    if (req.url === '/private.csv') {
      const signedIn = req.headers.authorization === ERP_BASIC || req.headers['x-api-key'] === ERP_KEY;
      if (signedIn) res.writeHead(200, { 'content-type': 'text/csv' }).end(STOCK_CSV);
      else res.writeHead(401, { 'www-authenticate': 'Basic realm="erp"' }).end();
    } else if (req.url === '/stock.csv') {
      res.writeHead(200, { 'content-type': 'text/csv' }).end(STOCK_CSV);
    } else res.writeHead(503, { 'content-type': 'text/plain' }).end('maintenance');
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server }),
    ),
  );
}

describe.skipIf(!HAS_CHROMIUM)('feeds in the admin: staleness, runs, credentials, removal', () => {
  let server: BallastServer;
  let erp: { url: string; server: Server };
  let browser: Browser;
  let page: Page;
  let api: ApiClient;
  let storeId: number;
  /** Errors the page threw: a form that loops on its own updates fails here, not only by looking broken. */
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startBallast({ demo: false });
    try {
      erp = await startErp();
      const seeded = await merchantWithStore(server, {
        email: EMAIL,
        password: PASSWORD,
        storeName: 'Feed shop',
      });
      api = seeded.api;
      storeId = seeded.store.id;
      for (const sku of ['MUG-BLUE', 'CUP-RED'])
        await unwrap(
          api.POST('/stores/{storeId}/products', {
            params: { path: { storeId } },
            body: { sku, name: sku, kind: 'simple', autoSync: false, components: [] },
          }),
        );
      await assertServesAdmin(server.url);
      browser = await launchBrowser(server.url);
      page = browser.page;
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await logIn(page, EMAIL, PASSWORD);
    } catch (error) {
      console.error(server?.log());
      throw error;
    }
  });

  afterEach(() => {
    expect(pageErrors.splice(0)).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await new Promise((resolve) => erp?.server.close(resolve));
  });

  const toast = (text: string | RegExp) => page.locator('.toast').filter({ hasText: text });
  const feedRow = (name: string) => page.locator(`tr[data-feed="${name}"]`);
  const staleness = (scope: Locator) => scope.getByRole('button', { name: /^Goes stale/ });
  const staleAfter = (scope: Locator) => scope.getByLabel(/^Stale after/);

  /** Does `action` and waits for a new toast saying `text` (an earlier one may still be showing). */
  async function afterNewToast(text: string, action: () => Promise<void>): Promise<void> {
    const ids = () => toast(text).evaluateAll((toasts) => toasts.map((t) => t.id));
    const before = new Set(await ids());
    await action();
    await expect
      .poll(async () => (await ids()).some((id) => !before.has(id)), { timeout: 15_000 })
      .toBe(true);
  }

  async function feedNamed(name: string) {
    const feeds = await unwrap(api.GET('/stores/{storeId}/feeds', { params: { path: { storeId } } }));
    const feed = feeds.items.find((f) => f.name === name);
    if (!feed) throw new Error(`no feed ${name}`);
    return feed;
  }

  async function chooseStaleness(scope: Locator, option: string | RegExp): Promise<void> {
    await staleness(scope).click();
    await page.getByRole('option', { name: option }).click();
  }

  /** The text a screen reader announces with the element: its hint and its error (aria-describedby). */
  async function descriptionOf(field: Locator): Promise<string> {
    const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
    const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
    return texts.join(' ');
  }

  async function noAxeViolations(): Promise<void> {
    expect(await axeViolations(page)).toEqual([]);
  }

  it('registers a feed with a staleness of its own; what the server refuses is said at the field', async () => {
    await page.goto(`/stores/${storeId}/feeds`);
    await page.getByText('No inventory feed yet.').waitFor();
    await page.getByRole('button', { name: 'Register feed' }).click();
    const dialog = page.getByRole('dialog', { name: 'Register a feed' });
    await dialog.getByLabel('Name').fill('Warehouse CSV');
    await dialog.getByLabel('URL').fill(`${erp.url}/down.csv`);

    // The default is shown, and follows the schedule being typed.
    expect(await staleness(dialog).textContent()).toContain(
      'Automatic: never (the feed is not pulled on a schedule)',
    );
    await dialog.getByLabel('Pull every (minutes)').fill('15');
    expect(await staleness(dialog).textContent()).toContain('Automatic: after 3 pull intervals (45 min)');
    await dialog.getByLabel('Pull every (minutes)').fill('20');
    expect(await staleness(dialog).textContent()).toContain('Automatic: after 3 pull intervals (1 h)');
    // What going stale means is said beside the setting.
    expect(await dialog.getByRole('group', { name: 'Staleness' }).textContent()).toContain(
      'the stock it last reported is treated as unknown',
    );
    await noAxeViolations();

    await chooseStaleness(dialog, 'After a set time without a snapshot');
    await staleAfter(dialog).fill('10');
    await screenshot(page, '30-register-feed');
    await dialog.getByRole('button', { name: 'Register feed' }).click();
    // The server's problem+json (body.staleAfterMinutes) lands on the field, and nothing was registered.
    await expect.poll(() => staleAfter(dialog).getAttribute('aria-invalid')).toBe('true');
    expect(await descriptionOf(staleAfter(dialog))).toContain('must be longer than the pull interval');
    expect(await dialog.getByRole('alert').textContent()).toContain('staleAfterMinutes');
    expect(
      (await unwrap(api.GET('/stores/{storeId}/feeds', { params: { path: { storeId } } }))).items,
    ).toEqual([]);

    await staleAfter(dialog).fill('90');
    await dialog.getByRole('button', { name: 'Register feed' }).click();
    await toast('Feed Warehouse CSV registered').waitFor();
    await dialog.waitFor({ state: 'detached' });
    const feed = await feedNamed('Warehouse CSV');
    expect(feed).toMatchObject({ intervalMinutes: 20, staleAfterMinutes: 90, stale: false });
    expect(feed.staleAt).toBe(feed.createdAt + 90 * 60_000);

    // The list says until when it stays fresh without a snapshot.
    const freshness = feedRow('Warehouse CSV').locator('td').nth(3);
    await expect
      .poll(() => freshness.textContent())
      .toBe(`Freshgoes stale ${shown(feed.staleAt!)} without a new snapshot`);
    expect(await feedRow('Warehouse CSV').locator('td').nth(2).textContent()).toMatch(
      /^Every 20 minnext pull /,
    );
  });

  it('Run now on a broken export says why, and the list shows the failed run and its error', async () => {
    await page.goto(`/stores/${storeId}/feeds`);
    await feedRow('Warehouse CSV').getByRole('button', { name: 'Run now' }).click();
    await toast('Feed Warehouse CSV failed').filter({ hasText: 'HTTP 503' }).waitFor();
    const lastRun = feedRow('Warehouse CSV').locator('td').nth(4);
    await expect.poll(() => lastRun.textContent()).toMatch(/^Failed .*HTTP 503.*No successful run yet$/);
    expect((await feedNamed('Warehouse CSV')).lastStatus).toBe('failed');
    // The next scheduled pull is an interval after the last run (the scheduler's own first pull may come later:
    // the page is read again until both agree).
    const schedule = feedRow('Warehouse CSV').locator('td').nth(2);
    await expect
      .poll(async () => {
        await page.reload();
        const text = await schedule.textContent();
        const { lastRunAt } = await feedNamed('Warehouse CSV');
        return text === `Every 20 minnext pull ${shown(lastRunAt! + 20 * 60_000)}`;
      })
      .toBe(true);
  });

  it('edits the staleness on the feed’s page: refused at the field, then never, then automatic', async () => {
    await page.goto(`/stores/${storeId}/feeds`);
    await feedRow('Warehouse CSV').getByRole('link', { name: 'Warehouse CSV' }).click();
    await page.getByRole('heading', { name: 'Warehouse CSV', level: 1 }).waitFor();
    const settings = page.getByRole('region', { name: 'Settings' });
    const status = page.getByRole('region', { name: 'Status' });
    // The form starts from what is stored.
    expect(await staleness(settings).textContent()).toContain('After a set time without a snapshot');
    expect(await staleAfter(settings).inputValue()).toBe('90');
    expect(await status.textContent()).toContain('After 1 h 30 min');
    await noAxeViolations();

    await staleAfter(settings).fill('20');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => staleAfter(settings).getAttribute('aria-invalid')).toBe('true');
    expect(await descriptionOf(staleAfter(settings))).toContain('must be longer than the pull interval');
    expect((await feedNamed('Warehouse CSV')).staleAfterMinutes).toBe(90);

    await chooseStaleness(settings, 'Never');
    await expect.poll(() => staleAfter(settings).count()).toBe(0);
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await toast('Settings of Warehouse CSV saved').waitFor();
    await expect.poll(async () => (await feedNamed('Warehouse CSV')).staleAfterMinutes).toBe(0);
    expect((await feedNamed('Warehouse CSV')).staleAt).toBeNull();
    await expect.poll(() => status.textContent()).toContain('Never goes stale');

    await chooseStaleness(settings, /^Automatic/);
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(async () => (await feedNamed('Warehouse CSV')).staleAfterMinutes).toBeNull();
    const feed = await feedNamed('Warehouse CSV');
    // Automatic for a feed pulled every 20 min: stale 1 h after its last snapshot (none yet: its registration).
    expect(feed.staleAt).toBe(feed.createdAt + HOUR);
    await expect.poll(() => status.textContent()).toContain('Automatic: after 3 pull intervals (1 h)');
    await expect.poll(() => status.textContent()).toContain(`goes stale ${shown(feed.staleAt!)}`);
  });

  it('shows since when a feed is stale, and Run now makes it fresh with what the run did', async () => {
    const created = await unwrap(
      api.POST('/stores/{storeId}/feeds', {
        params: { path: { storeId } },
        body: { name: 'ERP pull', url: `${erp.url}/stock.csv`, staleAfterMinutes: 60 },
      }),
    );
    await unwrap(
      api.POST('/stores/{storeId}/feeds/{feedId}/snapshots', {
        params: { path: { storeId, feedId: created.id } },
        body: { items: [{ sku: 'MUG-BLUE', onHand: 4 }] },
      }),
    );
    // Its last snapshot three hours ago (the server cannot be made to wait that long): stale for two.
    const lastAppliedAt = Date.now() - 3 * HOUR;
    const { db, close } = await openDatabase(server.databaseUrl, { migrate: false });
    try {
      await db
        .updateTable('feeds')
        .set({ lastAppliedAt, staleAt: lastAppliedAt + HOUR })
        .where('id', '=', created.id)
        .execute();
    } finally {
      await close();
    }
    expect((await feedNamed('ERP pull')).stale).toBe(true);

    await page.goto(`/stores/${storeId}/feeds`);
    const freshness = feedRow('ERP pull').locator('td').nth(3);
    await expect.poll(() => freshness.textContent()).toBe(`Stalesince ${shown(lastAppliedAt + HOUR)}`);
    expect(await feedRow('ERP pull').locator('td').nth(2).textContent()).toBe('On demand');
    await screenshot(page, '31-feeds-stale');
    await noAxeViolations();

    await feedRow('ERP pull').getByRole('link', { name: 'ERP pull' }).click();
    await page.getByRole('heading', { name: 'ERP pull', level: 1 }).waitFor();
    const warning = page.getByRole('status').filter({ hasText: 'This feed is stale.' });
    await warning.waitFor();
    expect(await warning.getByRole('link', { name: 'See the held pushes' }).getAttribute('href')).toBe(
      `/stores/${storeId}/sync-history?status=skipped`,
    );
    const status = page.getByRole('region', { name: 'Status' });
    expect(await status.textContent()).toContain(`Stalesince ${shown(lastAppliedAt + HOUR)}`);
    // Where its system can push to instead, and that address works.
    const endpoint = await page.getByLabel('Snapshot endpoint').inputValue();
    expect(endpoint).toBe(`${server.url}/api/v1/stores/${storeId}/feeds/${created.id}/snapshots`);
    await noAxeViolations();

    await page.getByRole('button', { name: 'Run now' }).click();
    await toast('Feed ERP pull ran')
      .filter({ hasText: '3 rows, 2 positions changed; unknown SKUs (not created): NOPE-1.' })
      .waitFor();
    await warning.waitFor({ state: 'detached' });
    const fresh = await feedNamed('ERP pull');
    expect(fresh).toMatchObject({ stale: false, lastStatus: 'applied' });
    await expect.poll(() => status.textContent()).toContain(`Freshgoes stale ${shown(fresh.staleAt!)}`);
    const runs = page.getByRole('table', { name: 'Feed runs' }).locator('tbody tr');
    await expect.poll(() => runs.count()).toBe(2);
    expect((await runs.first().locator('td').allTextContents()).slice(1)).toEqual([
      'Applied',
      '3',
      '2',
      'NOPE-1',
      '',
    ]);
    await screenshot(page, '32-feed-page');
  });

  it('registers a feed behind Basic auth; its page shows the credentials as set, never their secret', async () => {
    await page.goto(`/stores/${storeId}/feeds`);
    await page.getByRole('button', { name: 'Register feed' }).click();
    const dialog = page.getByRole('dialog', { name: 'Register a feed' });
    await dialog.getByLabel('Name', { exact: true }).fill('Private ERP');
    // Credentials in the URL are refused at the URL, which says where they go instead.
    await dialog.getByLabel('URL').fill(`http://erp:secret@${erp.url.slice('http://'.length)}/private.csv`);
    await dialog.getByRole('button', { name: 'Register feed' }).click();
    await expect.poll(() => dialog.getByLabel('URL').getAttribute('aria-invalid')).toBe('true');
    expect(await descriptionOf(dialog.getByLabel('URL'))).toContain('`auth`');

    await dialog.getByLabel('URL').fill(`${erp.url}/private.csv`);
    const authentication = dialog.getByRole('group', { name: 'Authentication' });
    await authentication.getByRole('button', { name: /^Method/ }).click();
    await page.getByRole('option', { name: 'Basic (user name and password)' }).click();
    await authentication.getByLabel('User name', { exact: true }).fill('erp');
    const password = authentication.getByLabel('Password', { exact: true });
    expect(await password.getAttribute('type')).toBe('password');
    await password.fill(ERP_PASSWORD);
    await noAxeViolations();
    await screenshot(page, '33-register-feed-credentials');
    await dialog.getByRole('button', { name: 'Register feed' }).click();
    await toast('Feed Private ERP registered').waitFor();
    await dialog.waitFor({ state: 'detached' });
    const feed = await feedNamed('Private ERP');
    expect(feed.auth).toEqual({ type: 'basic', username: 'erp' });
    expect(JSON.stringify(feed)).not.toContain(ERP_PASSWORD);

    await afterNewToast('Feed Private ERP ran', () =>
      feedRow('Private ERP').getByRole('button', { name: 'Run now' }).click(),
    );

    await feedRow('Private ERP').getByRole('link', { name: 'Private ERP' }).click();
    await page.getByRole('heading', { name: 'Private ERP', level: 1 }).waitFor();
    expect(await page.getByRole('region', { name: 'Status' }).textContent()).toContain(
      'AuthenticationBasic, user erp',
    );
    const settings = page.getByRole('region', { name: 'Settings' });
    const section = settings.getByRole('group', { name: 'Authentication' });
    expect(await section.getByRole('button', { name: /^Method/ }).textContent()).toContain('Basic');
    expect(await section.getByLabel('User name', { exact: true }).inputValue()).toBe('erp');
    // Set, never shown: the input is blank, and blank keeps it.
    expect(await section.getByLabel('Password', { exact: true }).inputValue()).toBe('');
    expect(await section.getByLabel('Password', { exact: true }).getAttribute('placeholder')).toBe(
      'Leave blank to keep',
    );
    expect(await descriptionOf(section.getByLabel('Password', { exact: true }))).toContain(
      'Set, and never shown',
    );
    expect(await page.content()).not.toContain(ERP_PASSWORD);
    await noAxeViolations();

    await settings.getByLabel('Pull every (minutes)').fill('120');
    await afterNewToast('Settings of Private ERP saved', () =>
      settings.getByRole('button', { name: 'Save settings' }).click(),
    );
    await expect.poll(async () => (await feedNamed('Private ERP')).intervalMinutes).toBe(120);
    await afterNewToast('Feed Private ERP ran', () => page.getByRole('button', { name: 'Run now' }).click());
  });

  it('replaces the credentials with a header (what the server refuses is said at the field), then removes them', async () => {
    const settings = page.getByRole('region', { name: 'Settings' });
    const section = settings.getByRole('group', { name: 'Authentication' });
    await section.getByRole('button', { name: /^Method/ }).click();
    await page.getByRole('option', { name: 'Header (such as X-Api-Key)' }).click();
    // Another kind needs its secret: blank is not “keep” here.
    expect(await section.getByLabel('Header value', { exact: true }).getAttribute('placeholder')).toBeNull();
    await section.getByLabel('Header name', { exact: true }).fill('Host');
    await section.getByLabel('Header value', { exact: true }).fill(ERP_KEY);
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await expect
      .poll(() => section.getByLabel('Header name', { exact: true }).getAttribute('aria-invalid'))
      .toBe('true');
    expect(await descriptionOf(section.getByLabel('Header name', { exact: true }))).toContain(
      'set by the HTTP client',
    );
    expect((await feedNamed('Private ERP')).auth).toEqual({ type: 'basic', username: 'erp' });

    await section.getByLabel('Header name', { exact: true }).fill('X-Api-Key');
    await afterNewToast('Settings of Private ERP saved', () =>
      settings.getByRole('button', { name: 'Save settings' }).click(),
    );
    await expect
      .poll(async () => (await feedNamed('Private ERP')).auth)
      .toEqual({ type: 'header', name: 'X-Api-Key' });
    // The typed secret is gone from the form once saved.
    await expect.poll(() => section.getByLabel('Header value', { exact: true }).inputValue()).toBe('');
    await afterNewToast('Feed Private ERP ran', () => page.getByRole('button', { name: 'Run now' }).click());

    await section.getByRole('button', { name: /^Method/ }).click();
    await page.getByRole('option', { name: 'None' }).click();
    expect(await section.textContent()).toContain('The stored credentials are removed when you save.');
    await afterNewToast('Settings of Private ERP saved', () =>
      settings.getByRole('button', { name: 'Save settings' }).click(),
    );
    await expect.poll(async () => (await feedNamed('Private ERP')).auth).toBeNull();
    await expect
      .poll(() => page.getByRole('region', { name: 'Status' }).textContent())
      .toContain('AuthenticationNone');
    await page.getByRole('button', { name: 'Run now' }).click();
    await toast('Feed Private ERP failed').filter({ hasText: 'HTTP 401' }).waitFor();
  });

  it('removes a feed only after confirming', async () => {
    await page.goto(`/stores/${storeId}/feeds`);
    await feedRow('ERP pull').getByRole('button', { name: 'Remove' }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove feed ERP pull?' });
    await confirm.getByText('Its run history is deleted').waitFor();
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect((await feedNamed('ERP pull')).name).toBe('ERP pull');

    await feedRow('ERP pull').getByRole('button', { name: 'Remove' }).click();
    await confirm.getByRole('button', { name: 'Remove feed' }).click();
    await toast('Feed ERP pull removed').waitFor();
    await feedRow('ERP pull').waitFor({ state: 'detached' });
    await expect(feedNamed('ERP pull')).rejects.toThrow('no feed ERP pull');
  });
});
