import { randomBytes } from 'node:crypto';
import { SIMULATOR_PATHS, startWebhookSimulator } from '@ballast/connector-webhook/simulator';
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
import { firstStoreApi } from './support/store-api.ts';

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
      const first = await firstStoreApi(server);
      api = first.api;
      storeId = first.store.id;
      expect(first.store.name).toBe(DEMO_STORE);
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
    expect(cells[6]).toMatch(/^Auto Sync/);

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

  it('filters Sync History by reason, then by one cause from a row’s reference', async () => {
    const synced = await unwrap(
      api.GET('/stores/{storeId}/products', {
        params: { path: { storeId }, query: { autoSync: 'true', limit: 2, sort: 'sku' } },
      }),
    );
    const skus = synced.items.map((p) => p.sku);
    expect(skus).toHaveLength(2);
    const adjustment = await unwrap(
      api.POST('/stores/{storeId}/adjustments', {
        params: { path: { storeId } },
        body: { reason: 'e2e reason filter', lines: skus.map((sku) => ({ sku, delta: 1 })) },
      }),
    );
    const ref = String(adjustment.id);
    // What the API says this one adjustment pushed, once every product's push is on record.
    const pushedIds = async () =>
      (
        await unwrap(
          api.GET('/stores/{storeId}/sync-history', {
            params: { path: { storeId }, query: { causeType: ['adjustment'], causeRef: ref } },
          }),
        )
      ).items.map((e) => e.id);
    await expect
      .poll(async () => (await pushedIds()).length, { timeout: 20_000 })
      .toBeGreaterThanOrEqual(skus.length);
    const expectedIds = await pushedIds();

    await page.goto(`/stores/${storeId}/sync-history`);
    const table = page.getByRole('table', { name: 'Sync History' });
    const entries = table.locator('tbody.history-entry');
    await entries.first().waitFor();
    const reasonCells = async () =>
      (await entries.locator('tr:first-child td:nth-child(7)').allInnerTexts()).map((t) => t.trim());
    const search = () => new URL(page.url()).searchParams;

    // The Reason select (Kobalte) narrows to adjustments and keeps it in the URL.
    await page.getByRole('button', { name: /Reason/ }).click();
    await page.getByRole('option', { name: 'Adjustment' }).click();
    await expect.poll(() => search().get('reason')).toBe('adjustment');
    await expect
      .poll(async () => {
        const cells = await reasonCells();
        return cells.length > 0 && cells.every((c) => c.startsWith('Adjustment'));
      })
      .toBe(true);

    // A row names the adjustment by its reason (adjustments have no page to link to); its funnel filters by
    // that one adjustment, the reason kept, and the chip names it too.
    const named = `Adjustment\n“e2e reason filter”`;
    await entries
      .getByRole('link', { name: 'Only pushes of Adjustment “e2e reason filter”' })
      .first()
      .click();
    await expect.poll(() => search().get('ref')).toBe(ref);
    expect(search().get('reason')).toBe('adjustment');
    await page.locator('.chip').filter({ hasText: 'Adjustment “e2e reason filter”' }).waitFor();
    await expect
      .poll(() => entries.evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-entry-id')))))
      .toEqual(expectedIds);
    expect(new Set(await entries.locator('td:nth-child(2) .sku').allInnerTexts())).toEqual(new Set(skus));
    expect((await reasonCells()).every((c) => c === named)).toBe(true);
    await screenshot(page, '07b-sync-history-by-reason');

    // Clearing the reference goes back to every adjustment; “Any reason” to everything.
    await page.getByRole('button', { name: 'Clear reference filter' }).click();
    await expect.poll(() => search().get('ref')).toBeNull();
    expect(search().get('reason')).toBe('adjustment');
    // The live test's recount is an adjustment too.
    await expect
      .poll(async () => {
        const cells = await reasonCells();
        return cells.every((c) => c.startsWith('Adjustment')) && cells.some((c) => c !== named);
      })
      .toBe(true);
    await page.getByRole('button', { name: /Reason/ }).click();
    await page.getByRole('option', { name: 'Any reason' }).click();
    await expect.poll(() => search().get('reason')).toBeNull();
  });

  it('names a sales order’s pushes by the order number, which opens the order', async () => {
    const [product] = (
      await unwrap(
        api.GET('/stores/{storeId}/products', {
          params: { path: { storeId }, query: { autoSync: 'true', limit: 1, sort: 'sku' } },
        }),
      )
    ).items;
    const number = '#E2E-1001';
    const order = await unwrap(
      api.POST('/stores/{storeId}/sales-orders', {
        params: { path: { storeId } },
        body: { number, lines: [{ sku: product!.sku, quantity: 1 }] },
      }),
    );
    const ref = String(order.id);
    const pushed = async () =>
      (
        await unwrap(
          api.GET('/stores/{storeId}/sync-history', {
            params: { path: { storeId }, query: { causeType: ['sales_order'], causeRef: ref } },
          }),
        )
      ).items;
    await expect.poll(async () => (await pushed()).length, { timeout: 20_000 }).toBeGreaterThan(0);
    expect((await pushed())[0]!.cause.subject).toEqual({ id: order.id, name: number });

    await page.goto(`/stores/${storeId}/sync-history?reason=sales_order`);
    const entry = page
      .getByRole('table', { name: 'Sync History' })
      .locator('tbody.history-entry')
      .filter({ hasText: number })
      .first();
    await entry.waitFor();
    // The Reason column reads the order's number, never its id.
    const [reason] = await entry.locator('tr:first-child td:nth-child(7)').allInnerTexts();
    expect(reason!.trim()).toBe(`Sales order\n${number}`);
    // The explanation says it too, with the same link.
    await entry.getByRole('button', { name: 'Why this number?' }).click();
    const why = entry.locator('.details-row');
    expect(await why.textContent()).toContain(`Triggered by Sales order ${number}`);
    expect(await why.getByRole('link', { name: number, exact: true }).getAttribute('href')).toBe(
      `/stores/${storeId}/sales-orders/${order.id}`,
    );
    await screenshot(page, '07c-sync-history-order-number');

    // Its funnel filters by the one order; the chip names it by number.
    await entry.getByRole('link', { name: `Only pushes of Sales order ${number}` }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('ref')).toBe(ref);
    await page
      .locator('.chip')
      .filter({ hasText: `Sales order ${number}` })
      .waitFor();

    // The number opens the order.
    await page
      .getByRole('table', { name: 'Sync History' })
      .locator('tr:first-child td:nth-child(7)')
      .getByRole('link', { name: number, exact: true })
      .first()
      .click();
    await page.getByRole('heading', { name: new RegExp(`Sales order ${number}`) }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/stores/${storeId}/sales-orders/${order.id}`);
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
    // The menu moves focus to its first item just after it opens; Enter before that lands nowhere.
    await page.waitForFunction("document.activeElement?.getAttribute('role') === 'menuitem'");
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

  it('creates an API token, shows its secret once with a copy button, and revokes it after confirming', async () => {
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await page.goto(`/stores/${storeId}`);
    const nav = page.getByRole('navigation', { name: 'Ecommerce Dashboard' });
    await nav.getByRole('button', { name: 'Settings' }).click();
    await nav.getByRole('link', { name: 'API Tokens' }).click();
    await page.getByRole('heading', { name: 'API Tokens', level: 1 }).waitFor();
    const table = page.getByRole('table', { name: 'API tokens' });
    // The token beforeAll made with the CLI is listed, and it was used by every API call since.
    const cliRow = table.locator('tr').filter({ hasText: 'e2e' }).first();
    await cliRow.waitFor();
    expect(await cliRow.locator('td').nth(3).textContent()).not.toBe('Never');

    await page.getByRole('button', { name: 'Create API token' }).click();
    let dialog = page.getByRole('dialog', { name: 'Create API token' });
    await dialog.getByLabel('Token name').fill('E2E scanner');
    await dialog.getByRole('button', { name: 'Create token' }).click();
    dialog = page.getByRole('dialog', { name: 'Copy the secret of E2E scanner' });
    await dialog.getByText('You won’t see this secret again').waitFor();
    const secret = await dialog.getByLabel('Secret').inputValue();
    expect(secret).toMatch(/^blst_/);
    await dialog.getByRole('button', { name: 'Copy secret' }).click();
    await toast('Secret copied').waitFor();
    await expectLowerLeft('Secret copied');
    const clipboard = () =>
      (
        globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
      ).navigator.clipboard.readText();
    expect(await page.evaluate(clipboard)).toBe(secret);
    await screenshot(page, '13-api-token-secret');

    // The secret works against the API, and after Done it is nowhere on the page.
    const withSecret = createApiClient({
      baseUrl: `${server.url}/api/v1`,
      headers: { authorization: `Bearer ${secret}` },
    });
    expect((await withSecret.GET('/stores')).response.status).toBe(200);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(secret);
    const row = table.locator('tr').filter({ hasText: 'E2E scanner' });
    await row.waitFor();
    const cells = (await row.locator('td').allInnerTexts()).map((t) => t.trim());
    expect(secret.startsWith(cells[1]!.replace('…', ''))).toBe(true);
    expect(cells[4]).toBe('—');
    await screenshot(page, '14-api-tokens');

    // Revoking asks first; Cancel keeps the token.
    await row.getByRole('button', { name: 'Revoke E2E scanner' }).click();
    const confirm = page.getByRole('dialog', { name: 'Revoke E2E scanner?' });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect((await withSecret.GET('/stores')).response.status).toBe(200);
    await row.getByRole('button', { name: 'Revoke E2E scanner' }).click();
    await confirm.getByRole('button', { name: 'Revoke token' }).click();
    await toast('API token E2E scanner revoked').waitFor();
    await expect.poll(() => row.locator('td').nth(4).textContent()).not.toBe('—');
    // Its use above shows as Last used.
    expect(await row.locator('td').nth(3).textContent()).not.toBe('Never');
    expect(await row.getByRole('button', { name: /Revoke/ }).count()).toBe(0);
    expect((await withSecret.GET('/stores')).response.status).toBe(401);
  });

  it('opens a channel from the list: edits its settings, matches listings, shows its order webhooks', async () => {
    const signingSecret = `whsec_${randomBytes(24).toString('base64')}`;
    const simulator = await startWebhookSimulator({ secret: signingSecret, requestsPerSecond: 50 });
    try {
      const skus = ['POST-CITY', 'MUG-WHT', 'E2E-NEW'];
      simulator.seed(skus.map((sku) => ({ sku, quantity: 0 })));
      const urls = {
        endpointUrl: `${simulator.server.url}${SIMULATOR_PATHS.inventory}`,
        lookupUrl: `${simulator.server.url}${SIMULATOR_PATHS.lookup}`,
        readBackUrl: `${simulator.server.url}${SIMULATOR_PATHS.readBack}`,
      };
      const channel = await unwrap(
        api.POST('/stores/{storeId}/channels', {
          params: { path: { storeId } },
          body: { connectorId: 'webhook', name: 'E2E receiver', config: { ...urls, signingSecret } },
        }),
      );

      await page.goto(`/stores/${storeId}/channels`);
      await page.getByRole('table', { name: 'Channels' }).getByRole('link', { name: 'E2E receiver' }).click();
      await page.getByRole('heading', { name: /E2E receiver/, level: 1 }).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/stores/${storeId}/channels/${channel.id}`);
      const capabilities = page.getByRole('region', { name: 'Capabilities' });
      const capability = (label: string) =>
        capabilities.locator('dt').filter({ hasText: label }).locator('xpath=following-sibling::dd[1]');
      expect(await capability('Reads quantities back').textContent()).toBe('Yes');
      expect(await capability('Order webhooks').textContent()).toBe('Yes');

      const listings = page.getByRole('table', { name: 'Listings' });
      // Pushes link what the channel already had; matching links every SKU it has.
      await page.getByRole('button', { name: 'Match listings by SKU' }).click();
      await toast('3 listings matched by SKU').waitFor();
      await expect.poll(() => listings.locator('tbody tr').count()).toBe(3);
      const postCity = listings.locator('tr[data-sku="POST-CITY"] td');
      expect(await postCity.nth(1).textContent()).toBe('POST-CITY');

      // Two deliveries of the same order: the second is a duplicate.
      for (let i = 0; i < 2; i++) {
        const request = simulator.signedOrderWebhook({
          id: 'E2E-WEB-1',
          lines: [{ sku: 'POST-CITY', quantity: 1 }],
        });
        const res = await fetch(`${server.url}/webhooks/${channel.id}`, {
          method: 'POST',
          headers: request.headers,
          body: request.rawBody,
        });
        expect(res.ok).toBe(true);
      }
      const deliveries = page.getByRole('table', { name: 'Webhook deliveries' });
      await page
        .getByRole('region', { name: 'Order webhooks' })
        .getByRole('button', { name: 'Refresh' })
        .click();
      await expect.poll(() => deliveries.locator('tbody tr').count()).toBe(2);
      const rows = await Promise.all(
        [0, 1].map((n) =>
          deliveries
            .locator('tbody tr')
            .nth(n)
            .locator('td')
            .allInnerTexts()
            .then((cells) => cells.map((c) => c.trim())),
        ),
      );
      expect(rows.map((r) => [r[1]?.split('\n')[0], r[3]])).toEqual([
        ['Order E2E-WEB-1', 'Yes'],
        ['Order E2E-WEB-1', 'No'],
      ]);
      expect(rows[1]?.[2]).toMatch(/^Order created/);

      // Settings: the stored values are filled in; the secret is not, and left blank it is kept.
      const settings = page.getByRole('region', { name: 'Settings' });
      const secretInput = settings.getByLabel('Signing secret', { exact: true });
      await expect.poll(() => settings.getByLabel('Endpoint URL').inputValue()).toBe(urls.endpointUrl);
      expect(await settings.getByLabel('Lookup URL').inputValue()).toBe(urls.lookupUrl);
      expect(await settings.getByLabel('Read back URL').inputValue()).toBe(urls.readBackUrl);
      expect(await secretInput.inputValue()).toBe('');
      expect(await secretInput.getAttribute('placeholder')).toBe('Leave blank to keep');
      await settings.getByText('Set now and never shown: leave blank to keep it.').waitFor();

      // A bad value: the server's reason lands beside the setting it names, and nothing changes.
      await secretInput.fill('whsec_c2hvcnQ=');
      await settings.getByRole('button', { name: 'Save settings' }).click();
      await toast('Could not save the settings of E2E receiver').waitFor();
      expect(await secretInput.getAttribute('aria-invalid')).toBe('true');

      // One setting changed and one emptied, the secret left blank: the read-back URL is gone, the secret kept.
      await secretInput.fill('');
      await settings.getByLabel('Batch size').fill('50');
      await settings.getByLabel('Read back URL').fill('');
      const savedAt = Date.now();
      await settings.getByRole('button', { name: 'Save settings' }).click();
      await toast('Settings of E2E receiver saved').waitFor();
      await expect.poll(() => capability('Reads quantities back').textContent()).toBe('No');
      const saved = await unwrap(
        api.GET('/stores/{storeId}/channels/{channelId}', {
          params: { path: { storeId, channelId: channel.id } },
        }),
      );
      expect(saved.config).toEqual({
        endpointUrl: urls.endpointUrl,
        lookupUrl: urls.lookupUrl,
        batchSize: 50,
        requestsPerSecond: 10,
        timeoutMs: 15_000,
        compareAndSet: false,
      });
      expect(saved.configuredFields).toContain('signingSecret');
      // The next stock change is pushed signed with the kept secret (the simulator refuses a bad signature).
      const { items: linked } = await unwrap(
        api.GET('/stores/{storeId}/channels/{channelId}/listings', {
          params: { path: { storeId, channelId: channel.id } },
        }),
      );
      const pushed = linked.find((l) => l.autoSync && l.channelRef !== null);
      expect(pushed).toBeDefined();
      await unwrap(
        api.POST('/stores/{storeId}/adjustments', {
          params: { path: { storeId } },
          body: { reason: 'e2e: a change after the settings edit', lines: [{ sku: pushed!.sku, delta: 1 }] },
        }),
      );
      const pushesSince = () =>
        simulator.server.requests.filter(
          (r) => r.path === SIMULATOR_PATHS.inventory && r.at >= savedAt && r.outcome?.kind === 'response',
        );
      await expect.poll(() => pushesSince().length, { timeout: 15_000 }).toBeGreaterThan(0);
      expect(
        pushesSince().map((r) => (r.outcome?.kind === 'response' ? r.outcome.status : 0) < 300),
      ).not.toContain(false);
      // The form shows what is stored now, and the secret is still never shown.
      expect(await settings.getByLabel('Batch size').inputValue()).toBe('50');
      expect(await settings.getByLabel('Read back URL').inputValue()).toBe('');
      expect(await secretInput.inputValue()).toBe('');

      // An optional secret: set it, then remove it with its switch (blank alone would keep it).
      const orderSecretInput = settings.getByLabel('Order signing secret', { exact: true });
      await orderSecretInput.fill(`whsec_${randomBytes(24).toString('base64')}`);
      await settings.getByRole('button', { name: 'Save settings' }).click();
      const removeOrderSecret = settings.getByRole('switch', {
        name: 'Remove the stored order signing secret',
      });
      await removeOrderSecret.waitFor();
      expect(await orderSecretInput.inputValue()).toBe('');
      const configured = async () =>
        (
          await unwrap(
            api.GET('/stores/{storeId}/channels/{channelId}', {
              params: { path: { storeId, channelId: channel.id } },
            }),
          )
        ).configuredFields;
      expect(await configured()).toContain('orderSigningSecret');
      // From the keyboard (a toast may cover the switch): it takes focus and Space turns it on.
      await removeOrderSecret.focus();
      await page.keyboard.press('Space');
      expect(await removeOrderSecret.isChecked()).toBe(true);
      expect(await orderSecretInput.isDisabled()).toBe(true);
      await settings.getByRole('button', { name: 'Save settings' }).click();
      await removeOrderSecret.waitFor({ state: 'detached' });
      expect(await configured()).not.toContain('orderSigningSecret');
      expect(await configured()).toContain('signingSecret');
      await screenshot(page, '15-channel');

      // Disconnect asks first, then says so.
      await page.getByRole('button', { name: 'Disconnect' }).click();
      await page
        .getByRole('dialog', { name: 'Disconnect E2E receiver?' })
        .getByRole('button', { name: 'Disconnect' })
        .click();
      await toast('E2E receiver disconnected').waitFor();
      await page
        .getByRole('heading', { name: /E2E receiver/, level: 1 })
        .getByText('Disconnected')
        .waitFor();
      expect(await page.getByRole('button', { name: 'Save and reconnect' }).count()).toBe(1);
    } finally {
      await simulator.close();
    }
  });

  it('shows an order’s lines and ships part of it from its page; receives a purchase order; completes a work order', async () => {
    for (const sku of ['E2E-PART-A', 'E2E-PART-B']) {
      await unwrap(
        api.POST('/stores/{storeId}/products', {
          params: { path: { storeId } },
          body: { sku, name: `Part ${sku.at(-1)}`, autoSync: false, components: [] },
        }),
      );
    }
    await unwrap(
      api.POST('/stores/{storeId}/adjustments', {
        params: { path: { storeId } },
        body: {
          reason: 'e2e stock',
          lines: [
            { sku: 'E2E-PART-A', set: 10 },
            { sku: 'E2E-PART-B', set: 10 },
          ],
        },
      }),
    );
    await unwrap(
      api.POST('/stores/{storeId}/sales-orders', {
        params: { path: { storeId } },
        body: {
          number: 'SO-E2E-LINES',
          lines: [
            { sku: 'E2E-PART-A', quantity: 3 },
            { sku: 'E2E-PART-B', quantity: 2 },
          ],
        },
      }),
    );
    const lineCells = (sku: string) =>
      page
        .getByRole('table', { name: 'Order lines' })
        .locator(`tr[data-sku="${sku}"] td`)
        .allInnerTexts()
        .then((cells) => cells.map((c) => c.trim()));

    await page.goto(`/stores/${storeId}/sales-orders`);
    await page
      .getByRole('table', { name: 'Sales orders' })
      .getByRole('link', { name: 'SO-E2E-LINES' })
      .click();
    await page.getByRole('heading', { name: /Sales order SO-E2E-LINES/ }).waitFor();
    expect(await lineCells('E2E-PART-A')).toEqual(['E2E-PART-A', '3', '0', '0', '3']);
    expect(await lineCells('E2E-PART-B')).toEqual(['E2E-PART-B', '2', '0', '0', '2']);

    // Ship one A now; B waits. From the keyboard: Enter opens the dialog, Enter in a field submits it.
    await page.getByRole('button', { name: 'Ship…' }).focus();
    await page.keyboard.press('Enter');
    const ship = page.getByRole('dialog', { name: 'Ship sales order SO-E2E-LINES' });
    expect(await ship.getByLabel('E2E-PART-A quantity').inputValue()).toBe('3');
    await ship.getByLabel('E2E-PART-A quantity').fill('1');
    await ship.getByLabel('E2E-PART-B quantity').fill('0');
    await ship.getByLabel('E2E-PART-B quantity').press('Enter');
    await toast('Sales order SO-E2E-LINES partly shipped').waitFor();
    await expect.poll(() => lineCells('E2E-PART-A')).toEqual(['E2E-PART-A', '3', '1', '0', '2']);
    expect(await lineCells('E2E-PART-B')).toEqual(['E2E-PART-B', '2', '0', '0', '2']);
    await page
      .getByRole('heading', { name: /Sales order SO-E2E-LINES/ })
      .getByText('Partially shipped')
      .waitFor();
    expect((await productBySku('E2E-PART-A')).onHand).toBe(9);
    await screenshot(page, '16-sales-order');

    // Cancelling asks first, then releases what is still committed.
    await page.getByRole('button', { name: 'Cancel order' }).click();
    await page
      .getByRole('dialog', { name: 'Cancel sales order SO-E2E-LINES?' })
      .getByRole('button', { name: 'Cancel order' })
      .click();
    await toast('Sales order SO-E2E-LINES cancelled').waitFor();
    await expect.poll(() => lineCells('E2E-PART-B')).toEqual(['E2E-PART-B', '2', '0', '2', '0']);
    expect((await productBySku('E2E-PART-B')).committed).toBe(0);

    const purchase = await unwrap(
      api.POST('/stores/{storeId}/purchase-orders', {
        params: { path: { storeId } },
        body: { number: 'PO-E2E-LINES', supplier: 'Parts Co', lines: [{ sku: 'E2E-PART-A', quantity: 5 }] },
      }),
    );
    await page.goto(`/stores/${storeId}/purchase-orders/${purchase.id}`);
    await page.getByRole('heading', { name: /Purchase order PO-E2E-LINES/ }).waitFor();
    expect(await lineCells('E2E-PART-A')).toEqual(['E2E-PART-A', '5', '0', '5']);
    await page.getByRole('button', { name: 'Receive…' }).click();
    await page
      .getByRole('dialog', { name: 'Receive purchase order PO-E2E-LINES' })
      .getByRole('button', { name: 'Receive' })
      .click();
    await toast('Purchase order PO-E2E-LINES received').waitFor();
    await expect.poll(() => lineCells('E2E-PART-A')).toEqual(['E2E-PART-A', '5', '5', '0']);
    expect((await productBySku('E2E-PART-A')).onHand).toBe(14);
    await screenshot(page, '17-purchase-order');

    await unwrap(
      api.POST('/stores/{storeId}/products', {
        params: { path: { storeId } },
        body: {
          sku: 'E2E-BUILT',
          name: 'Built of parts',
          kind: 'assembly',
          autoSync: false,
          components: [
            { sku: 'E2E-PART-A', quantity: 2 },
            { sku: 'E2E-PART-B', quantity: 1 },
          ],
        },
      }),
    );
    const work = await unwrap(
      api.POST('/stores/{storeId}/work-orders', {
        params: { path: { storeId } },
        body: { number: 'WO-E2E-LINES', sku: 'E2E-BUILT', quantity: 3 },
      }),
    );
    await page.goto(`/stores/${storeId}/work-orders`);
    await page
      .getByRole('table', { name: 'Work orders' })
      .getByRole('link', { name: 'WO-E2E-LINES' })
      .click();
    await page.getByRole('heading', { name: /Work order WO-E2E-LINES/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/stores/${storeId}/work-orders/${work.id}`);
    expect(await lineCells('E2E-BUILT')).toEqual(['E2E-BUILT', '3', '0', '3']);
    const components = page.getByRole('table', { name: 'Components' });
    expect(
      (await components.locator('tr[data-sku="E2E-PART-A"] td').allInnerTexts()).map((t) => t.trim()),
    ).toEqual(['E2E-PART-A', '2', '6', 'Committed']);
    await page.getByRole('button', { name: 'Complete' }).click();
    await toast('Work order WO-E2E-LINES completed').waitFor();
    await expect.poll(() => lineCells('E2E-BUILT')).toEqual(['E2E-BUILT', '3', '3', '0']);
    expect((await productBySku('E2E-BUILT')).onHand).toBe(3);
    await screenshot(page, '18-work-order');
    expect((await productBySku('E2E-PART-A')).onHand).toBe(8);
  });

  // Uses the parts and the assembly of the test before.
  it('receives all of one purchase order and cancels another from their list; cancels a work order from its page', async () => {
    const [all, cancelled] = await Promise.all(
      ['PO-E2E-ALL', 'PO-E2E-CANCEL'].map((number) =>
        unwrap(
          api.POST('/stores/{storeId}/purchase-orders', {
            params: { path: { storeId } },
            body: { number, lines: [{ sku: 'E2E-PART-B', quantity: 4 }] },
          }),
        ),
      ),
    );
    const before = await productBySku('E2E-PART-B');
    await page.goto(`/stores/${storeId}/purchase-orders`);
    const row = (number: string) =>
      page.getByRole('table', { name: 'Purchase orders' }).locator('tr').filter({ hasText: number });
    await row('PO-E2E-ALL').getByRole('button', { name: 'Receive all' }).click();
    await toast('Purchase order PO-E2E-ALL received').waitFor();
    await row('PO-E2E-CANCEL').getByRole('button', { name: 'Cancel' }).click();
    await toast('Purchase order PO-E2E-CANCEL cancelled').waitFor();
    const after = await productBySku('E2E-PART-B');
    expect(after.onHand).toBe((before.onHand ?? 0) + 4);
    const statusOf = async (orderId: number) =>
      (
        await unwrap(
          api.GET('/stores/{storeId}/purchase-orders/{orderId}', { params: { path: { storeId, orderId } } }),
        )
      ).status;
    expect([await statusOf(all!.id), await statusOf(cancelled!.id)]).toEqual(['received', 'cancelled']);

    const work = await unwrap(
      api.POST('/stores/{storeId}/work-orders', {
        params: { path: { storeId } },
        body: { number: 'WO-E2E-CANCEL', sku: 'E2E-BUILT', quantity: 1 },
      }),
    );
    expect((await productBySku('E2E-PART-A')).committed).toBe(2);
    await page.goto(`/stores/${storeId}/work-orders/${work.id}`);
    await page.getByRole('heading', { name: /Work order WO-E2E-CANCEL/ }).waitFor();
    await page.getByRole('button', { name: 'Cancel work order' }).click();
    await page
      .getByRole('dialog', { name: 'Cancel work order WO-E2E-CANCEL?' })
      .getByRole('button', { name: 'Cancel work order' })
      .click();
    await toast('Work order WO-E2E-CANCEL cancelled').waitFor();
    await page
      .getByRole('heading', { name: /Work order WO-E2E-CANCEL/ })
      .getByText('Cancelled')
      .waitFor();
    expect((await productBySku('E2E-PART-A')).committed).toBe(0);
  });

  it('lists adjustments next to the form: a new one on top, filtered by SKU and day, paged', async () => {
    // 26 counts of one SKU: more than a page.
    for (let i = 1; i <= 26; i++) {
      await unwrap(
        api.POST('/stores/{storeId}/adjustments', {
          params: { path: { storeId } },
          body: { reason: `e2e count ${i}`, lines: [{ sku: 'E2E-PART-B', set: i }] },
        }),
      );
    }
    await page.goto(`/stores/${storeId}`);
    const nav = page.getByRole('navigation', { name: 'Ecommerce Dashboard' });
    await nav.getByRole('button', { name: 'Store' }).click();
    await nav.getByRole('link', { name: 'Adjustments' }).click();
    const history = page.getByRole('table', { name: 'Adjustments' });
    await history.locator('tbody.adjustment').first().waitFor();

    // Saved with the form, it is the newest entry, with what it did and who did it.
    await page.getByLabel('Reason').fill('e2e found in back room');
    await page.getByLabel('Line 1 SKU').fill('E2E-PART-A');
    await page.getByLabel('Change').selectOption('delta');
    await page.getByLabel('Quantity').fill('2');
    await page.getByRole('button', { name: 'Save adjustment' }).click();
    await toast('Stock adjusted').waitFor();
    const newest = history.locator('tbody.adjustment').first();
    await newest.filter({ hasText: 'e2e found in back room' }).waitFor();
    expect((await newest.locator('td').allInnerTexts()).map((t) => t.trim())).toEqual([
      expect.any(String),
      'e2e found in back room',
      EMAIL,
      'E2E-PART-A',
      'Main warehouse',
      '+2',
      '8',
      '10',
    ]);
    await screenshot(page, '19-adjustments');

    // By SKU: only adjustments with a line on it, 25 to a page.
    await page.getByRole('searchbox', { name: 'SKU' }).fill('E2E-PART-B');
    await page.getByRole('searchbox', { name: 'SKU' }).press('Enter');
    await expect
      .poll(() => history.locator('tbody.adjustment').first().textContent())
      .toContain('e2e count 26');
    expect(new URL(page.url()).searchParams.get('sku')).toBe('E2E-PART-B');
    expect(await history.locator('tbody.adjustment').count()).toBe(25);
    const reasons = async () =>
      (await history.locator('tbody.adjustment tr:first-child td:nth-child(2)').allInnerTexts()).map((t) =>
        t.trim(),
      );
    expect((await reasons()).includes('e2e found in back room')).toBe(false);
    await page
      .getByRole('navigation', { name: 'Adjustment pages' })
      .getByRole('button', { name: 'Next' })
      .click();
    // Page 2: count 1, then the order test's stock-up of both parts.
    await expect.poll(reasons).toEqual(['e2e count 1', 'e2e stock']);
    await page
      .getByRole('navigation', { name: 'Adjustment pages' })
      .getByRole('button', { name: 'Previous' })
      .click();
    await expect.poll(() => history.locator('tbody.adjustment').count()).toBe(25);

    // By day: today has them, tomorrow has none.
    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('From', { exact: true }).fill(tomorrow);
    await page.getByText('No adjustments match.').waitFor();
    await page.getByLabel('From', { exact: true }).fill(today);
    await page.getByLabel('To', { exact: true }).fill(today);
    await expect.poll(() => history.locator('tbody.adjustment').count()).toBe(25);
    expect(new URL(page.url()).searchParams.get('to')).toBe(today);
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
    await page.goto(`/stores/${storeId}/sync-history?reason=adjustment&ref=1`);
    await page.getByRole('button', { name: 'Clear reference filter' }).waitFor();
    await check('sync history by reference');
    const salesOrder = (
      await unwrap(
        api.GET('/stores/{storeId}/sales-orders', { params: { path: { storeId }, query: { limit: 1 } } }),
      )
    ).items[0]!;
    const purchaseOrder = (
      await unwrap(
        api.GET('/stores/{storeId}/purchase-orders', { params: { path: { storeId }, query: { limit: 1 } } }),
      )
    ).items[0]!;
    const workOrder = (
      await unwrap(
        api.GET('/stores/{storeId}/work-orders', { params: { path: { storeId }, query: { limit: 1 } } }),
      )
    ).items[0]!;
    // Each page once what the merchant looks at has arrived (not its loading state).
    const pages: [string, () => Promise<void>][] = [
      ['channels', () => page.getByRole('table', { name: 'Channels' }).waitFor()],
      [
        `channels/${channelId}`,
        () => page.getByRole('table', { name: 'Listings' }).locator('tbody tr').first().waitFor(),
      ],
      ['uploads', () => page.getByLabel('CSV file').waitFor()],
      [
        'sales-orders',
        () => page.getByRole('table', { name: 'Sales orders' }).locator('tbody tr').first().waitFor(),
      ],
      [`sales-orders/${salesOrder.id}`, () => page.getByRole('table', { name: 'Order lines' }).waitFor()],
      [
        `purchase-orders/${purchaseOrder.id}`,
        () => page.getByRole('table', { name: 'Order lines' }).waitFor(),
      ],
      [`work-orders/${workOrder.id}`, () => page.getByRole('table', { name: 'Components' }).waitFor()],
      [
        'adjustments',
        () => page.getByRole('table', { name: 'Adjustments' }).locator('tbody tr').first().waitFor(),
      ],
      ['feeds', () => page.getByRole('heading', { name: 'Feeds', level: 1 }).waitFor()],
      [
        'settings/api-tokens',
        () => page.getByRole('table', { name: 'API tokens' }).locator('tbody tr').first().waitFor(),
      ],
    ];
    for (const [path, loaded] of pages) {
      await page.goto(`/stores/${storeId}/${path}`);
      await loaded();
      await check(path);
    }
    await page.getByRole('button', { name: 'Create API token' }).click();
    await page.getByRole('dialog', { name: 'Create API token' }).getByLabel('Token name').fill('axe');
    await page.getByRole('dialog').getByRole('button', { name: 'Create token' }).click();
    await page.getByRole('dialog', { name: 'Copy the secret of axe' }).getByLabel('Secret').waitFor();
    await check('api token secret');
    await page.keyboard.press('Escape');
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
