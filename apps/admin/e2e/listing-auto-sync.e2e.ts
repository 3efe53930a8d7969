import { randomBytes } from 'node:crypto';
import {
  SIMULATOR_PATHS,
  startWebhookSimulator,
  type WebhookSimulator,
} from '@ballast/connector-webhook/simulator';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, unwrap } from '../src/api/client.ts';
import { axeViolations } from './support/accessibility.ts';
import { assertServesAdmin } from './support/assert-serves-admin.ts';
import { type BallastServer, startBallast } from './support/ballast-server.ts';
import { type Browser, HAS_CHROMIUM, launchBrowser, logIn, screenshot } from './support/browser.ts';
import { merchantWithStore } from './support/store-api.ts';

const EMAIL = 'listings@example.com';
const PASSWORD = 'a long listings passphrase';
const CHANNEL = 'Marketplace';
/** MUG-ON's product Auto Sync is on, MUG-OFF's off; both are listed on the channel. */
const STOCK = { 'MUG-ON': 8, 'MUG-OFF': 5 } as const;
/** Listed too, but never stocked: it can be deleted under the page. */
const GONE = 'MUG-GONE';

describe.skipIf(!HAS_CHROMIUM)(
  'per-listing Auto Sync in the admin: the channel’s listings and the product page',
  () => {
    let server: BallastServer;
    let simulator: WebhookSimulator;
    let browser: Browser;
    let page: Page;
    let api: ApiClient;
    let storeId: number;
    let channelId: number;
    const productIds: Record<string, number> = {};
    /** Errors the page threw: a select that loops on its own updates fails here, not only by looking broken. */
    const pageErrors: string[] = [];

    beforeAll(async () => {
      server = await startBallast({ demo: false });
      try {
        const seeded = await merchantWithStore(server, {
          email: EMAIL,
          password: PASSWORD,
          storeName: 'Mug shop',
        });
        api = seeded.api;
        storeId = seeded.store.id;
        for (const [sku, autoSync] of [
          ['MUG-ON', true],
          ['MUG-OFF', false],
          [GONE, false],
        ] as const) {
          const product = await unwrap(
            api.POST('/stores/{storeId}/products', {
              params: { path: { storeId } },
              body: { sku, name: `${sku} mug`, kind: 'simple', autoSync, components: [] },
            }),
          );
          productIds[sku] = product.id;
        }
        await adjust(STOCK);

        const signingSecret = `whsec_${randomBytes(24).toString('base64')}`;
        simulator = await startWebhookSimulator({ secret: signingSecret, requestsPerSecond: 50 });
        simulator.seed([...Object.keys(STOCK), GONE].map((sku) => ({ sku, quantity: 0 })));
        const channel = await unwrap(
          api.POST('/stores/{storeId}/channels', {
            params: { path: { storeId } },
            body: {
              connectorId: 'webhook',
              name: CHANNEL,
              config: {
                endpointUrl: `${simulator.server.url}${SIMULATOR_PATHS.inventory}`,
                lookupUrl: `${simulator.server.url}${SIMULATOR_PATHS.lookup}`,
                signingSecret,
              },
            },
          }),
        );
        channelId = channel.id;
        await unwrap(
          api.POST('/stores/{storeId}/channels/{channelId}/match-listings', {
            params: { path: { storeId, channelId } },
          }),
        );
        // The new link pushed MUG-ON (its product Auto Sync is on); hooks have no expect.poll.
        const until = Date.now() + 15_000;
        while (simulator.quantityOf('MUG-ON') !== STOCK['MUG-ON']) {
          if (Date.now() > until) throw new Error('MUG-ON was never pushed to the simulator');
          await new Promise((resolve) => setTimeout(resolve, 50));
        }

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
      await simulator?.close();
      await server?.stop();
    });

    async function adjust(lines: Record<string, number>): Promise<void> {
      await unwrap(
        api.POST('/stores/{storeId}/adjustments', {
          params: { path: { storeId } },
          body: { reason: 'e2e count', lines: Object.entries(lines).map(([sku, set]) => ({ sku, set })) },
        }),
      );
    }

    async function listing(sku: string) {
      const { items } = await unwrap(
        api.GET('/stores/{storeId}/channels/{channelId}/listings', {
          params: { path: { storeId, channelId } },
        }),
      );
      const found = items.find((l) => l.sku === sku);
      if (!found) throw new Error(`no listing of ${sku}`);
      return found;
    }

    const toast = (text: string | RegExp) => page.locator('.toast').filter({ hasText: text });
    const listings = () => page.getByRole('table', { name: 'Listings' });
    const listingRow = (sku: string) => listings().locator(`tr[data-sku="${sku}"]`);
    /** The Kobalte select's trigger: a button named by its (hidden) label and showing the choice. */
    const autoSyncOf = (scope: Locator, label: string | RegExp) => scope.getByRole('button', { name: label });

    async function choose(select: Locator, option: string): Promise<void> {
      await select.click();
      await page.getByRole('option', { name: option }).click();
    }

    async function expectNoAxeViolations(name: string): Promise<void> {
      expect(await axeViolations(page), name).toEqual([]);
    }

    it('sets a listing to Always off on the channel’s page: confirmed, shown in the row, kept after reload', async () => {
      await page.goto(`/stores/${storeId}/channels/${channelId}`);
      await listingRow('MUG-ON').waitFor();
      const onSelect = autoSyncOf(listingRow('MUG-ON'), /Auto Sync for MUG-ON/);
      const offSelect = autoSyncOf(listingRow('MUG-OFF'), /Auto Sync for MUG-OFF/);
      expect(await onSelect.textContent()).toContain('Follow product (On)');
      expect(await offSelect.textContent()).toContain('Follow product (Off)');
      const status = (sku: string) => listingRow(sku).locator('td').nth(5).textContent();
      expect(await status('MUG-OFF')).toBe('Auto Sync off');
      await expectNoAxeViolations('channel listings');

      await choose(onSelect, 'Always off');
      await toast(`Auto Sync always off for MUG-ON on ${CHANNEL}`).waitFor();
      await toast(`Its quantity will no longer be pushed to ${CHANNEL}.`).waitFor();
      await expect.poll(() => onSelect.textContent()).toContain('Always off');
      expect(await status('MUG-ON')).toBe('Auto Sync off');
      expect(await listing('MUG-ON')).toMatchObject({ autoSyncOverride: false, autoSync: false });

      // Always on for a product whose own Auto Sync is off: pushed at once.
      await choose(offSelect, 'Always on');
      await toast(`Auto Sync always on for MUG-OFF on ${CHANNEL}`).waitFor();
      await expect.poll(() => simulator.quantityOf('MUG-OFF'), { timeout: 15_000 }).toBe(STOCK['MUG-OFF']);
      await screenshot(page, 'listing-auto-sync-channel');
      await expectNoAxeViolations('channel listings after a change');

      // One count changes both: MUG-OFF's new quantity goes out, MUG-ON's stays behind with the channel.
      await adjust({ 'MUG-ON': 2, 'MUG-OFF': 3 });
      await expect.poll(() => simulator.quantityOf('MUG-OFF'), { timeout: 15_000 }).toBe(3);
      expect(simulator.quantityOf('MUG-ON')).toBe(STOCK['MUG-ON']);

      await page.reload();
      await listingRow('MUG-ON').waitFor();
      await expect
        .poll(() => autoSyncOf(listingRow('MUG-ON'), /Auto Sync for MUG-ON/).textContent())
        .toContain('Always off');
      expect(await autoSyncOf(listingRow('MUG-OFF'), /Auto Sync for MUG-OFF/).textContent()).toContain(
        'Always on',
      );
    });

    it('marks the overriding listings beside their channel’s number on the products list', async () => {
      await page.goto(`/stores/${storeId}/products`);
      const row = (sku: string) =>
        page.getByRole('table', { name: 'Products' }).locator(`tbody tr[data-sku="${sku}"]`);
      await row('MUG-ON').waitFor();
      // Columns: select, SKU, name, on hand, committed, available, then the channel's syncable balance.
      const channelCell = (sku: string) => row(sku).locator('td').nth(6);
      const marker = (sku: string) => channelCell(sku).locator('.listing-override');
      expect(await marker('MUG-ON').getAttribute('title')).toBe(
        `Auto Sync always off for this listing: never pushed to ${CHANNEL}`,
      );
      expect(await channelCell('MUG-ON').textContent()).toContain('Always off');
      expect(await channelCell('MUG-OFF').textContent()).toContain('Always on');
      expect(await marker(GONE).count()).toBe(0);
      await expectNoAxeViolations('products list with overrides');
    });

    it('shows the override on the product page per channel, and follows the product again from there', async () => {
      await page.goto(`/stores/${storeId}/products/${productIds['MUG-ON']}`);
      await page.getByRole('heading', { name: 'Syncable balance per channel' }).waitFor();
      const channel = page.locator('.channel-balance').filter({ hasText: CHANNEL });
      const select = autoSyncOf(channel, new RegExp(`Auto Sync on ${CHANNEL}`));
      expect(await select.textContent()).toContain('Always off');
      await expectNoAxeViolations('product page');
      await screenshot(page, 'listing-auto-sync-product');

      await choose(select, 'Follow product (On)');
      await toast(`MUG-ON follows the product’s Auto Sync (On) on ${CHANNEL}`).waitFor();
      // Following an on product again: the balance of now goes out at once.
      await expect.poll(() => simulator.quantityOf('MUG-ON'), { timeout: 15_000 }).toBe(2);
      expect(await listing('MUG-ON')).toMatchObject({ autoSyncOverride: null, autoSync: true });
      await page.reload();
      await expect
        .poll(() =>
          autoSyncOf(page.locator('.channel-balance'), new RegExp(`Auto Sync on ${CHANNEL}`)).textContent(),
        )
        .toContain('Follow product (On)');
    });

    it('puts the select back and says why when the server refuses', async () => {
      await page.goto(`/stores/${storeId}/channels/${channelId}`);
      const select = autoSyncOf(listingRow(GONE), new RegExp(`Auto Sync for ${GONE}`));
      await expect.poll(() => select.textContent()).toContain('Follow product (Off)');
      // The product (and so its listing) is deleted under the page: the change finds nothing.
      await unwrap(
        api.DELETE('/stores/{storeId}/products/{productId}', {
          params: { path: { storeId, productId: productIds[GONE]! } },
        }),
      );
      await choose(select, 'Always on');
      await toast(`Could not change Auto Sync for ${GONE} on ${CHANNEL}`).waitFor();
      await toast('listing not found').waitFor();
      await expect.poll(() => select.textContent()).toContain('Follow product (Off)');
    });
  },
);
