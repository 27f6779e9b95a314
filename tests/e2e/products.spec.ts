import type { Browser, FrameLocator, Page } from 'playwright-core';
import { getFirestore, Timestamp } from 'firebase-admin/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationsPath, messagesPath } from '@comptoir/core';
import { startDemoStore } from '../../scripts/lib/demo-store-server.mjs';
import { demoProducts, seedMerchant, seedStore } from '../../scripts/lib/seed.mjs';
import { describeViolations, seriousViolations } from '../support/axe';
import { launchBrowser, screenshot } from '../support/browser';
import { setOnline, signIn, WAIT } from '../support/console';
import { HOSTING, merchantFor, uniqueStoreId } from '../support/emulators';

describe('products: imported in the console, shared from the composer, opened from the widget', () => {
  const storeId = uniqueStoreId('prod-e2e');
  const merchant = merchantFor(storeId, 'Camille');
  let browser: Browser;
  let store: { url: string; close(): Promise<void> };
  let shopper: Page;
  let console_: Page;
  const chat = (): FrameLocator => shopper.frameLocator('#comptoir-widget iframe');

  beforeAll(async () => {
    await seedStore(storeId);
    await seedMerchant(storeId, merchant);
    store = await startDemoStore({ widgetOrigin: HOSTING, storeId, port: 5096 });
    browser = await launchBrowser();
    console_ = await (
      await browser.newContext({ viewport: { width: 1280, height: 860 } })
    ).newPage();
    shopper = await (
      await browser.newContext({ viewport: { width: 1280, height: 860 } })
    ).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await store?.close();
  });

  const catalogueFile = async () => ({
    name: 'catalog.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ products: await demoProducts(store.url) })),
  });

  it('the merchant imports the catalogue from a file; a bad file is listed, not imported', async () => {
    await signIn(console_, merchant);
    await setOnline(console_, true);
    await console_.getByRole('link', { name: 'Products' }).click();
    await console_.getByText('No products yet.').waitFor(WAIT);
    const file = console_.getByLabel('Catalogue file (JSON or CSV)');

    await file.setInputFiles({
      name: 'lamps.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        [
          'id,name,price,currency,url',
          `ok,Fine lamp,10,EUR,${store.url}/product.html?id=opaline`,
          'evil,Evil lamp,10,EUR,javascript:alert(1)',
        ].join('\n'),
      ),
    });
    const failure = console_.getByRole('alert');
    await failure.getByText('Nothing was imported: 1 problem to fix in the file.').waitFor(WAIT);
    await failure.getByText('Product 2 (evil), url:').waitFor(WAIT);
    expect(await console_.getByText('No products yet.').count()).toBe(1);

    await file.setInputFiles(await catalogueFile());
    await console_
      .getByRole('status')
      .getByText('Imported 6 products from catalog.json.')
      .waitFor(WAIT);
    const list = console_.getByRole('list', { name: 'Catalogue' });
    await list.getByRole('link', { name: /View Grand Arc floor lamp/ }).waitFor(WAIT);
    expect(await list.getByRole('listitem').count()).toBe(6);
    await screenshot(console_, 'console-products-page');

    await console_.getByLabel('Search products').fill('opal');
    await list.getByRole('link', { name: /View Opal globe pendant/ }).waitFor(WAIT);
    await expect
      .poll(() => list.getByRole('listitem').allInnerTexts(), WAIT)
      .toEqual([
        expect.stringContaining('Opal globe pendant'),
        expect.stringContaining('Opaline table lamp'),
      ]);
  });

  it('the merchant searches in the composer, is stopped at 3, and shares 2 products', async () => {
    await shopper.goto(`${store.url}/`);
    await shopper.locator('#comptoir-widget button.launcher').click();
    await chat().getByLabel('Your message').fill('Which lamp would suit a reading corner?');
    await chat().getByLabel('Your message').press('Enter');

    await console_.getByRole('link', { name: 'Inbox' }).click();
    await console_
      .getByRole('complementary', { name: 'Conversations' })
      .getByRole('button', { name: /Visitor \d+/ })
      .click();
    const thread = console_.getByRole('log', { name: 'Messages' });
    await thread.getByText('Which lamp would suit a reading corner?').waitFor(WAIT);

    const tool = console_.getByTestId('chat-window').getByRole('button', { name: 'Products' });
    await tool.click();
    const panel = console_.getByRole('dialog', { name: 'Share products' });
    await panel.getByLabel('Search products').fill('lamp');
    const results = panel.getByRole('list', { name: 'Products' });
    await results.getByRole('button', { name: /Terracotta reading lamp/ }).waitFor(WAIT);
    // "lamp" is a word of four names, not of the pendant or the shade.
    await expect.poll(() => results.getByRole('listitem').count(), WAIT).toBe(4);

    await panel.getByLabel('Search products').fill('read');
    await results.getByRole('button', { name: /Terracotta reading lamp/ }).click();
    await panel.getByLabel('Search products').fill('lamp');
    await results.getByRole('button', { name: /Opaline table lamp/ }).click();
    await results.getByRole('button', { name: /Indigo bedside lamp/ }).click();
    await panel.getByText('3 of 3 selected').waitFor(WAIT);
    await results.getByRole('button', { name: /Grand Arc floor lamp/ }).click();
    await panel
      .getByRole('status')
      .getByText(/You can share up to 3 products at once\./)
      .waitFor(WAIT);
    expect(
      await results.getByRole('button', { name: /Grand Arc/ }).getAttribute('aria-pressed'),
    ).toBe('false');
    await results.getByRole('button', { name: /Indigo bedside lamp/ }).click();
    await panel.getByText('2 of 3 selected').waitFor(WAIT);
    await screenshot(console_, 'console-product-picker');
    const pickerProblems = await seriousViolations(console_, { include: '[role="dialog"]' });
    expect(pickerProblems, describeViolations(pickerProblems)).toEqual([]);

    await panel.getByRole('button', { name: 'Share 2 products' }).click();
    await panel.waitFor({ state: 'detached', ...WAIT });
    const cards = thread.getByTestId('product-card');
    await cards.first().waitFor(WAIT);
    expect(await cards.allInnerTexts()).toEqual([
      expect.stringMatching(/Terracotta reading lamp[\s\S]*€119\.00/),
      expect.stringMatching(/Opaline table lamp[\s\S]*€149\.00/),
    ]);
    await console_
      .getByRole('complementary', { name: 'Conversations' })
      .getByText('Shared 2 products: Terracotta reading lamp, Opaline table lamp')
      .waitFor(WAIT);
    await screenshot(console_, 'console-conversation-products');
  });

  describe('attack: a stored non-http link in a card', () => {
    it('is shown as plain text on both sides, never as a link or an image', async () => {
      // First, how the real cards look to the shopper (who declines the email offer).
      await chat().getByRole('button', { name: 'No thanks' }).click();
      await chat().locator('a.product-card').nth(1).waitFor(WAIT);
      await screenshot(shopper, 'widget-product-cards');
      // Written with the admin SDK, past every validation: only rendering stands in the way.
      const [conversation] = (await getFirestore().collection(conversationsPath(storeId)).get())
        .docs;
      await getFirestore()
        .collection(messagesPath(storeId, conversation!.id))
        .add({
          author: 'operator',
          authorUid: 'forger',
          authorName: 'Camille',
          text: 'Shared a product: Forged lamp',
          products: [
            {
              id: 'forged',
              name: 'Forged lamp',
              price: 1,
              currency: 'EUR',
              url: 'javascript:alert(document.domain)',
              imageUrl: 'javascript:alert(1)',
              variant: null,
              available: true,
            },
          ],
          createdAt: Timestamp.now(),
        });
      const forged = chat().locator('.product-card', { hasText: 'Forged lamp' });
      await forged.waitFor(WAIT);
      expect(await forged.evaluate((n) => n.tagName)).toBe('DIV');
      expect(await chat().locator('a[href^="javascript"], img[src^="javascript"]').count()).toBe(0);
      const inConsole = console_.getByTestId('product-card').filter({ hasText: 'Forged lamp' });
      await inConsole.waitFor(WAIT);
      expect(await inConsole.locator('a, img').count()).toBe(0);
    });
  });

  it('the shopper sees the cards and a click opens the product page on the store', async () => {
    const cards = chat().locator('a.product-card');
    await cards.first().waitFor(WAIT);
    expect(await cards.count()).toBe(2);
    const terracotta = chat().getByRole('link', { name: /Terracotta reading lamp/ });
    expect(await terracotta.innerText()).toMatch(/€119\.00[\s\S]*View product/);
    expect(await terracotta.getAttribute('href')).toBe(`${store.url}/product.html?id=terracotta`);
    const image = chat().locator('a.product-card img').first();
    await expect
      .poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth), WAIT)
      .toBeGreaterThan(0);
    const frame = shopper.frames().find((f) => f.url().includes('/widget/chat'))!;
    const cardProblems = await seriousViolations(frame, { include: '.product-cards' });
    expect(cardProblems, describeViolations(cardProblems)).toEqual([]);

    // The store's own tab goes to the product page; the chat follows the shopper there.
    await terracotta.click();
    await shopper.waitForURL(`${store.url}/product.html?id=terracotta`, WAIT);
    await shopper.getByRole('heading', { name: 'Terracotta reading lamp' }).waitFor(WAIT);
    expect(shopper.context().pages()).toHaveLength(1);
  });
});
