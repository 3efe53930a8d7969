import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../src/api/client.ts';
import { createApiClient, unwrap } from '../src/api/client.ts';
import { type AxeViolation, axeViolations } from './support/accessibility.ts';
import { assertServesAdmin } from './support/assert-serves-admin.ts';
import { type BallastServer, startBallast } from './support/ballast-server.ts';
import {
  type Browser,
  CHROMIUM,
  HAS_CHROMIUM,
  launchBrowser,
  screenshot,
  VIEWPORT,
} from './support/browser.ts';

const EMAIL = 'merchant@example.com';
const PASSWORD = 'a long demo passphrase';
const DEMO_STORE = 'Demo store';
const SECOND_STORE = 'Second shop';

if (!HAS_CHROMIUM) {
  console.warn(`[e2e] skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
}

describe.skipIf(!HAS_CHROMIUM)('the admin in a real browser against the real server', () => {
  let server: BallastServer;
  let browser: Browser;
  let page: Page;
  /** The demo store through the API with a store token, to seed and to check what the UI did. */
  let api: ApiClient;
  let storeId: number;
  let channelId: number;

  beforeAll(async () => {
    server = await startBallast();
    try {
      const token = (await server.cli('token', 'create', '--store', '1', '--name', 'e2e'))
        .trim()
        .split(/\s+/)
        .at(-1)!;
      api = createApiClient({
        baseUrl: `${server.url}/api/v1`,
        headers: { authorization: `Bearer ${token}` },
      });
      const [store] = (await unwrap(api.GET('/stores'))).items;
      storeId = store!.id;
      expect(store?.name).toBe(DEMO_STORE);
      await server.cli(
        'user',
        'create',
        '--email',
        EMAIL,
        '--password',
        PASSWORD,
        '--store',
        String(storeId),
      );
      const channels = await unwrap(api.GET('/stores/{storeId}/channels', { params: { path: { storeId } } }));
      channelId = channels.items[0]!.id;
      // Link every product to the simulator's items, so the channel's current quantity is known.
      await unwrap(
        api.POST('/stores/{storeId}/channels/{channelId}/match-listings', {
          params: { path: { storeId, channelId } },
        }),
      );
      await assertServesAdmin(server.url);
      browser = await launchBrowser(server.url);
      page = browser.page;
    } catch (error) {
      console.error(server?.log());
      throw error;
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** The path from the merchant's guide: Ecommerce -> Manage Store -> Store -> Products. */
  async function openProducts(): Promise<void> {
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Ecommerce' }).click();
    await page.getByRole('link', { name: `Manage Store ${DEMO_STORE}` }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Ecommerce Dashboard' }).isVisible())
      .toBe(true);
    const nav = page.getByRole('navigation', { name: 'Ecommerce Dashboard' });
    await nav.getByRole('button', { name: 'Store' }).click();
    await nav.getByRole('link', { name: 'Products' }).click();
    await page.getByRole('table', { name: 'Products' }).locator('tbody tr').first().waitFor();
  }

  async function search(text: string): Promise<void> {
    await page.getByRole('searchbox', { name: 'Search' }).fill(text);
    await page.getByRole('searchbox', { name: 'Search' }).press('Enter');
    // Until the new page replaces the old rows (a row from before the search could be re-rendered under us).
    await expect
      .poll(() =>
        page
          .getByRole('table', { name: 'Products' })
          .locator('tbody tr')
          .evaluateAll(
            (rows, t) => rows.length > 0 && rows.every((r) => r.getAttribute('data-sku')?.includes(t)),
            text,
          ),
      )
      .toBe(true);
  }

  const row = (sku: string) => page.locator(`tr[data-sku="${sku}"]`);
  const toast = (text: string | RegExp) => page.locator('.toast').filter({ hasText: text });

  async function expectLowerLeft(text: string | RegExp): Promise<void> {
    const box = await toast(text).first().boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeLessThan(VIEWPORT.width / 3);
    expect(box!.y + box!.height).toBeGreaterThan(VIEWPORT.height * 0.6);
  }

  async function productBySku(sku: string) {
    const page = await unwrap(
      api.GET('/stores/{storeId}/products', { params: { path: { storeId }, query: { q: sku, limit: 10 } } }),
    );
    const found = page.items.find((p) => p.sku === sku);
    if (!found) throw new Error(`no product ${sku}`);
    return found;
  }

  it('logs in and picks the store on Ecommerce Details (the merchant has two)', async () => {
    await page.goto('/');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/login');
    await screenshot(page, '01-login');
    await page.getByLabel('Email').fill(EMAIL);
    await page.getByLabel('Password').fill('wrong password!');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /wrong email or password/i })
      .waitFor();

    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Ecommerce Details' }).waitFor();
    // A second store of the same merchant, created through the API with the session cookie.
    const created = await page.request.post(`${server.url}/api/v1/stores`, {
      data: { name: SECOND_STORE },
      headers: { origin: server.url },
    });
    expect(created.status()).toBe(201);
    await page.reload();

    const stores = page.getByRole('list', { name: 'Stores' }).getByRole('listitem');
    await expect.poll(() => stores.count()).toBe(2);
    await page.getByText('Select the store you want to manage.').waitFor();
    await screenshot(page, '02-ecommerce-details');
    await page.getByRole('link', { name: `Manage Store ${DEMO_STORE}` }).click();
    await page.getByRole('heading', { name: 'Ecommerce Dashboard' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/stores/${storeId}`);
    // The activity chart shows the demo's pushes.
    await expect
      .poll(
        async () =>
          (await page.getByRole('img', { name: /pushes and \d+ failures/ }).getAttribute('aria-label')) ?? '',
      )
      .toMatch(/[1-9]\d* pushes/);
    await screenshot(page, '03-dashboard');
  });

  it('opens Products through Store in the dashboard navigation, with stock and per-channel columns', async () => {
    await openProducts();
    const table = page.getByRole('table', { name: 'Products' });
    const columns = await table
      .getByRole('columnheader')
      .evaluateAll((cells) => cells.map((cell) => (cell.textContent ?? '').replace(/[↕▲▼]/g, '').trim()));
    expect(columns).toEqual([
      'Select all products on this page',
      'SKU',
      'Name',
      'On hand',
      'Committed',
      'Available',
      'SyncableDemo web store',
      'Sync',
    ]);
    expect(await table.getByRole('columnheader', { name: 'Syncable Demo web store' }).count()).toBe(1);
    await expect.poll(() => row('MUG-WHT').locator('td').nth(3).textContent()).toMatch(/^\d+$/);
    await screenshot(page, '04-products');
  });

  it('warns before a single toggle overwrites the channel, then confirms in the lower-left corner', async () => {
    await openProducts();
    await search('BOX-GIFT');
    const toggle = row('BOX-GIFT').getByRole('switch', { name: 'Auto Sync for BOX-GIFT' });
    expect(await toggle.isChecked()).toBe(false);
    await row('BOX-GIFT').locator('.switch-control').click();

    const dialog = page.getByRole('dialog', { name: 'Turn on Auto Sync for BOX-GIFT?' });
    await dialog.getByText('Channel quantities will be overwritten').waitFor();
    const preview = dialog.getByRole('table', { name: 'Quantities that will be sent' });
    const previewRow = preview.locator('tbody tr').filter({ hasText: 'BOX-GIFT' });
    await previewRow.waitFor();
    // The simulator listed the item with 0; the master has 6 on hand: the preview says it will be overwritten.
    expect((await previewRow.locator('td').allInnerTexts()).map((t) => t.trim())).toEqual([
      'BOX-GIFT',
      'Demo web store',
      '0',
      '6',
      'Overwritten',
    ]);
    await screenshot(page, '05-overwrite-warning');

    await dialog.getByRole('button', { name: 'Turn On Auto Sync' }).click();
    await toast('Auto Sync turned on for BOX-GIFT').waitFor();
    await expectLowerLeft('Auto Sync turned on for BOX-GIFT');
    await screenshot(page, '06-toast');
    await expect.poll(() => toggle.isChecked()).toBe(true);
    expect((await productBySku('BOX-GIFT')).autoSync).toBe(true);
  });

  it('cancelling the warning leaves Auto Sync off', async () => {
    await openProducts();
    await search('POST-CITY');
    const toggle = row('POST-CITY').getByRole('switch', { name: 'Auto Sync for POST-CITY' });
    // Keyboard: the switch takes focus and Space toggles it.
    await toggle.focus();
    await page.keyboard.press('Space');
    const dialog = page.getByRole('dialog', { name: 'Turn on Auto Sync for POST-CITY?' });
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await toggle.isChecked()).toBe(false);
    expect((await productBySku('POST-CITY')).autoSync).toBe(false);
  });

  it('shows why a toggle failed and puts it back', async () => {
    const created = await unwrap(
      api.POST('/stores/{storeId}/products', {
        params: { path: { storeId } },
        body: { sku: 'E2E-GONE', name: 'Deleted behind the page', autoSync: true, components: [] },
      }),
    );
    await openProducts();
    await search('E2E-GONE');
    const toggle = row('E2E-GONE').getByRole('switch');
    expect(await toggle.isChecked()).toBe(true);
    // Someone deletes it while the merchant looks at the page.
    await unwrap(
      api.DELETE('/stores/{storeId}/products/{productId}', {
        params: { path: { storeId, productId: created.id } },
      }),
    );
    await row('E2E-GONE').locator('.switch-control').click();
    const failure = toast('Could not turn off Auto Sync for E2E-GONE');
    await failure.waitFor();
    expect(await failure.textContent()).toMatch(/not found/i);
    await expectLowerLeft('Could not turn off Auto Sync for E2E-GONE');
    await expect.poll(() => toggle.isChecked()).toBe(true);
    await failure.getByRole('button', { name: 'Dismiss notification' }).click();
  });

  it('bulk: the header checkbox selects the page, “select all N matching” the rest, then Turn On', async () => {
    for (let i = 1; i <= 60; i++) {
      const sku = `BULK-${String(i).padStart(3, '0')}`;
      await unwrap(
        api.POST('/stores/{storeId}/products', {
          params: { path: { storeId } },
          body: { sku, name: `Bulk item ${i}`, autoSync: false, components: [] },
        }),
      );
    }
    await openProducts();
    await search('BULK-');
    const table = page.getByRole('table', { name: 'Products' });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(50);

    await table.getByRole('checkbox', { name: 'Select all products on this page' }).check({ force: true });
    await page.getByText('All 50 products on this page are selected.').waitFor();
    await page.getByRole('button', { name: 'Select all 60 matching' }).click();
    await page.getByText('All 60 matching products are selected.').waitFor();

    await page.getByRole('button', { name: 'Bulk Actions' }).click();
    await page.getByRole('menuitem', { name: 'Turn On Auto Sync for Selected Products' }).click();
    const dialog = page.getByRole('dialog', { name: 'Turn on Auto Sync for 60 products?' });
    await dialog.getByText('Channel quantities will be overwritten').waitFor();
    await expect
      .poll(() => dialog.getByTestId('preview-summary').textContent())
      .toMatch(/^60 products on 1 active channel/);
    await dialog.getByRole('button', { name: 'Turn On Auto Sync' }).click();
    await toast('Auto Sync turned on for 60 selected products').waitFor();
    await expectLowerLeft('Auto Sync turned on for 60 selected products');

    const on = await unwrap(
      api.GET('/stores/{storeId}/products/count', {
        params: { path: { storeId }, query: { q: 'BULK-', autoSync: 'true' } },
      }),
    );
    expect(on.count).toBe(60);
    await expect.poll(() => table.getByRole('switch', { checked: true }).count()).toBe(50);

    // And off for just the page: no warning (nothing is overwritten), 10 stay on.
    await table.getByRole('checkbox', { name: 'Select all products on this page' }).check({ force: true });
    await page.getByRole('button', { name: 'Bulk Actions' }).click();
    await page.getByRole('menuitem', { name: 'Turn Off Auto Sync for Selected Products' }).click();
    await toast('Auto Sync turned off for 50 selected products').waitFor();
    const stillOn = await unwrap(
      api.GET('/stores/{storeId}/products/count', {
        params: { path: { storeId }, query: { q: 'BULK-', autoSync: 'true' } },
      }),
    );
    expect(stillOn.count).toBe(10);
  });

  it('opens Sync History from the three-dots menu next to Create Product, with live entries', async () => {
    await openProducts();
    const create = page.getByRole('button', { name: 'Create Product' });
    const dots = page.getByRole('button', { name: 'More actions' });
    const [createBox, dotsBox] = [await create.boundingBox(), await dots.boundingBox()];
    // Top right, the dots right next to Create Product.
    expect(dotsBox!.x).toBeGreaterThan(createBox!.x);
    expect(dotsBox!.x + dotsBox!.width).toBeGreaterThan(VIEWPORT.width * 0.8);
    await dots.click();
    await page.getByRole('menuitem', { name: 'Sync History' }).click();
    await page.getByRole('heading', { name: 'Sync History' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/stores/${storeId}/sync-history`);

    // BOX-GIFT's push after Auto Sync went on: 6 sent, the channel showed 0 before.
    await page.getByRole('searchbox', { name: 'Product SKU' }).fill('BOX-GIFT');
    await page.getByRole('searchbox', { name: 'Product SKU' }).press('Enter');
    await page.getByRole('button', { name: 'Clear product filter' }).waitFor();
    const table = page.getByRole('table', { name: 'Sync History' });
    const boxGift = table
      .locator('tbody.history-entry')
      .filter({ hasText: 'BOX-GIFT' })
      .filter({ hasText: 'Succeeded' });
    await expect.poll(() => boxGift.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const cells = (await boxGift.first().locator('tr').first().locator('td').allInnerTexts()).map((t) =>
      t.trim(),
    );
    expect(cells[3]).toBe('Succeeded');
    expect(cells[4]).toBe('6');
    expect(cells[5]).toBe('0');
    expect(cells[6]).toMatch(/^Auto sync/);

    await boxGift.first().getByRole('button', { name: 'Why this number?' }).click();
    const why = boxGift.first().locator('.details-row');
    await why.getByRole('heading', { name: 'Steps' }).waitFor();
    expect(await why.locator('.steps li').count()).toBeGreaterThan(0);
    expect(await why.textContent()).toMatch(/No rule|rule/);
    await screenshot(page, '07-sync-history');

    // A stock change elsewhere appears here without a reload.
    await page.getByText('Live: new entries appear automatically').waitFor();
    await page.evaluate(() => Object.assign(globalThis, { __sameDocument: true }));
    await unwrap(
      api.POST('/stores/{storeId}/adjustments', {
        params: { path: { storeId } },
        body: { reason: 'e2e recount', lines: [{ sku: 'BOX-GIFT', set: 9 }] },
      }),
    );
    const live = table
      .locator('tbody.history-entry')
      .filter({ hasText: 'BOX-GIFT' })
      .filter({ hasText: 'Adjustment' });
    await expect.poll(() => live.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await live.first().locator('td').nth(4).textContent()).toBe('9');
    expect(await page.evaluate(() => (globalThis as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  });

  it('filters Sync History by status and product', async () => {
    const product = await productBySku('BOX-GIFT');
    await page.goto(`/stores/${storeId}/sync-history?status=succeeded&product=${product.id}`);
    const table = page.getByRole('table', { name: 'Sync History' });
    await table.locator('tbody.history-entry').first().waitFor();
    const skus = await table.locator('tbody.history-entry td:nth-child(2) .sku').allInnerTexts();
    expect(new Set(skus)).toEqual(new Set(['BOX-GIFT']));
    const badges = await table.locator('.badge').allInnerTexts();
    expect(new Set(badges)).toEqual(new Set(['Succeeded']));
    await page.getByText('BOX-GIFT', { exact: true }).first().waitFor();
  });

  it('creates a product from the Create Product button and shows its balance page', async () => {
    await openProducts();
    await page.getByRole('button', { name: 'Create Product' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create Product' });
    await dialog.getByLabel('SKU').fill('MUG-WHT');
    await dialog.getByLabel('Name').fill('Duplicate');
    await dialog.getByRole('button', { name: 'Create Product' }).click();
    // The server's reason lands beside the field it names.
    await dialog.getByRole('alert').waitFor();
    expect(await dialog.getByLabel('SKU').getAttribute('aria-invalid')).toBe('true');

    await dialog.getByLabel('SKU').fill('E2E-NEW');
    await dialog.getByLabel('Name').fill('Made in the browser');
    await dialog.getByRole('button', { name: 'Create Product' }).click();
    await toast('Product E2E-NEW created').waitFor();
    expect((await productBySku('E2E-NEW')).autoSync).toBe(false);

    await search('MUG-BLK');
    await row('MUG-BLK').getByRole('link', { name: 'MUG-BLK' }).click();
    await page.getByRole('heading', { name: 'Syncable balance per channel' }).waitFor();
    const channel = page.locator('.channel-balance').filter({ hasText: 'Demo web store' });
    expect(await channel.locator('.steps li').count()).toBeGreaterThan(0);
    await screenshot(page, '12-product');
  });

  // POST-CITY and BOX-GIFT are the demo products its background activity never sells or restocks.
  it('creates and ships a sales order, committing then removing stock', async () => {
    const before = await productBySku('POST-CITY');
    await page.goto(`/stores/${storeId}/sales-orders`);
    await page.getByRole('button', { name: 'Create sales order' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create sales order' });
    await dialog.getByLabel('Order number').fill('SO-E2E-1');
    await dialog.getByLabel('Line 1 SKU').fill('POST-CITY');
    await dialog.getByLabel('Quantity').fill('2');
    await dialog.getByRole('button', { name: 'Create sales order' }).click();
    await toast('Sales order SO-E2E-1 created').waitFor();
    expect((await productBySku('POST-CITY')).committed).toBe((before.committed ?? 0) + 2);

    const order = page
      .getByRole('table', { name: 'Sales orders' })
      .locator('tr')
      .filter({ hasText: 'SO-E2E-1' });
    await order.getByRole('button', { name: 'Ship' }).click();
    await toast('Sales order SO-E2E-1 shipped').waitFor();
    const after = await productBySku('POST-CITY');
    expect(after.onHand).toBe((before.onHand ?? 0) - 2);
    expect(after.committed).toBe(before.committed);
  });

  it('the dots menu works from the keyboard', async () => {
    await openProducts();
    await page.getByRole('button', { name: 'More actions' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('menuitem', { name: 'Sync History' }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Sync History' }).waitFor();
  });

  it('uploads a CSV: a bad row is shown with its reason and nothing is applied, a good file is', async () => {
    await page.goto(`/stores/${storeId}`);
    const nav = page.getByRole('navigation', { name: 'Ecommerce Dashboard' });
    await nav.getByRole('button', { name: 'Store' }).click();
    await nav.getByRole('link', { name: 'Uploads' }).click();
    const before = (await productBySku('POST-CITY')).onHand;

    await page.getByLabel('CSV file').setInputFiles({
      name: 'stock.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('sku,quantity\nPOST-CITY,44\nNO-SUCH-SKU,5\n'),
    });
    await page.getByRole('button', { name: 'Check file' }).click();
    await page
      .getByTestId('upload-summary')
      .filter({ hasText: /1 error/ })
      .waitFor();
    const errors = page.getByRole('table', { name: 'Errors by row' });
    const first = (await errors.locator('tbody tr').first().locator('td').allInnerTexts()).map((t) =>
      t.trim(),
    );
    expect(first[0]).toBe('3');
    expect(first[2]).toMatch(/NO-SUCH-SKU|unknown|not found/i);
    expect(await page.getByRole('button', { name: 'Apply upload' }).isDisabled()).toBe(true);
    await screenshot(page, '08-upload-errors');
    expect((await productBySku('POST-CITY')).onHand).toBe(before);

    await page.getByLabel('CSV file').setInputFiles({
      name: 'stock.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('sku,quantity\nPOST-CITY,44\n'),
    });
    await page.getByRole('button', { name: 'Check file' }).click();
    await page.getByTestId('upload-summary').filter({ hasText: 'no errors' }).waitFor();
    await page.getByRole('button', { name: 'Apply upload' }).click();
    await toast('Upload stock.csv applied').waitFor();
    expect((await productBySku('POST-CITY')).onHand).toBe(44);
  });

  it('shows channels with their status, and the other pages load', async () => {
    await page.goto(`/stores/${storeId}/channels`);
    const channels = page.getByRole('table', { name: 'Channels' });
    await channels.getByText('Demo web store').waitFor();
    await channels.getByText('Active').waitFor();
    await page.getByRole('button', { name: 'Connect channel' }).click();
    const dialog = page.getByRole('dialog', { name: 'Connect a channel' });
    // The form is generated from the webhook connector's config schema.
    await dialog.getByLabel('Endpoint URL').waitFor();
    expect(await dialog.getByLabel('Signing secret', { exact: true }).getAttribute('type')).toBe('password');
    await screenshot(page, '09-connect-channel');
    await page.keyboard.press('Escape');
    await screenshot(page, '10-channels');

    for (const [path, heading] of [
      ['sales-orders', 'Sales Orders'],
      ['purchase-orders', 'Purchase Orders'],
      ['work-orders', 'Work Orders'],
      ['adjustments', 'Adjustments'],
      ['feeds', 'Feeds'],
    ] as const) {
      await page.goto(`/stores/${storeId}/${path}`);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      expect(await page.getByRole('alert').count()).toBe(0);
    }
    // A store that is not the merchant's says so (the API answers 403 for it).
    await page.goto('/stores/999/products');
    await page.getByRole('heading', { name: 'This store cannot be opened' }).waitFor();

    await page.goto(`/stores/${storeId}/sales-orders`);
    await page.getByRole('table', { name: 'Sales orders' }).waitFor();
    await screenshot(page, '11-sales-orders');
  });

  it('has no serious accessibility violations on the main pages (axe-core, WCAG 2.1 AA)', async () => {
    const found: Record<string, AxeViolation[]> = {};
    const check = async (name: string) => {
      const violations = await axeViolations(page);
      if (violations.length > 0) found[name] = violations;
    };
    await page.goto('/ecommerce');
    await page.getByRole('list', { name: 'Stores' }).waitFor();
    await check('ecommerce details');
    await page.goto(`/stores/${storeId}`);
    await page.getByRole('img', { name: /pushes/ }).waitFor();
    await check('dashboard');
    await openProducts();
    await check('products');
    await search('POST-CITY');
    await row('POST-CITY').locator('.switch-control').click();
    await page.getByRole('dialog').getByRole('table').waitFor();
    await check('overwrite warning');
    await page.keyboard.press('Escape');
    await page.goto(`/stores/${storeId}/sync-history`);
    await page
      .locator('tbody.history-entry')
      .first()
      .getByRole('button', { name: 'Why this number?' })
      .click();
    await check('sync history');
    for (const path of ['channels', 'uploads', 'sales-orders', 'adjustments', 'feeds']) {
      await page.goto(`/stores/${storeId}/${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await check(path);
    }
    expect(found).toEqual({});
  });

  it('logs out', async () => {
    await page.goto('/ecommerce');
    await page.getByRole('button', { name: 'Logout' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/login');
    await page.goto(`/stores/${storeId}/products`);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/login');
  });
});
