import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoStore } from '../../scripts/lib/demo-store-server.mjs';
import { seedMerchant, seedStore } from '../../scripts/lib/seed.mjs';
import { launchBrowser, screenshot } from '../support/browser';
import { setOnline, signIn, WAIT } from '../support/console';
import { HOSTING, merchantFor, uniqueStoreId } from '../support/emulators';

describe('discounts: managed in the console, shared in a conversation, applied in the widget', () => {
  const storeId = uniqueStoreId('disc-e2e');
  const merchant = merchantFor(storeId, 'Camille');
  let browser: Browser;
  let store: { url: string; close(): Promise<void> };
  let shopper: Page;
  let console_: Page;
  const chat = (): FrameLocator => shopper.frameLocator('#comptoir-widget iframe');

  beforeAll(async () => {
    await seedStore(storeId);
    await seedMerchant(storeId, merchant);
    store = await startDemoStore({ widgetOrigin: HOSTING, storeId, port: 5094 });
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

  /** Fills the Discounts page's form and saves it. */
  async function createDiscount(fields: {
    code: string;
    percent: string;
    minimum?: string;
    active?: boolean;
  }) {
    await console_.getByRole('button', { name: 'New discount' }).click();
    const form = console_.getByRole('form', { name: 'New discount' });
    await form.getByLabel('Code').fill(fields.code);
    await form.getByLabel('Percentage', { exact: true }).fill(fields.percent);
    if (fields.minimum) await form.getByLabel('Minimum subtotal').fill(fields.minimum);
    if (fields.active === false) await form.getByRole('checkbox', { name: /Active/ }).uncheck();
    await form.getByRole('button', { name: 'Create discount' }).click();
    await console_.getByRole('status').getByText(`${fields.code} created.`).waitFor(WAIT);
  }

  it('the merchant creates codes on the Discounts page, with per-field errors', async () => {
    await signIn(console_, merchant);
    await setOnline(console_, true);
    await console_.getByRole('link', { name: 'Discounts' }).click();
    await console_.getByText('No discount codes yet.').waitFor(WAIT);

    await console_.getByRole('button', { name: 'New discount' }).click();
    const form = console_.getByRole('form', { name: 'New discount' });
    await form.getByLabel('Code').fill('x');
    await form.getByRole('button', { name: 'Create discount' }).click();
    await form.getByText('Use 3 to 32 letters, digits, dashes or underscores').waitFor(WAIT);
    await form.getByText('Enter a whole percentage from 1 to 100.').waitFor(WAIT);
    await form.getByRole('button', { name: 'Cancel' }).click();

    await createDiscount({ code: 'SPRING15', percent: '15' });
    await createDiscount({ code: 'BIGCART20', percent: '20', minimum: '500' });
    await createDiscount({ code: 'WINTER10', percent: '10', active: false });
    const list = console_.getByRole('list', { name: 'Discount codes' });
    expect(await list.getByRole('listitem').count()).toBe(3);
    expect(await list.getByRole('article', { name: 'WINTER10' }).innerText()).toContain('Off');
    await screenshot(console_, 'console-discounts-page');
  });

  it('the merchant shares codes from the composer; an inactive one says what to fix', async () => {
    // The demo store's own cart: one Opaline lamp (€149), reported to the chat by the page.
    await shopper.goto(`${store.url}/product.html?id=opaline`);
    await shopper.getByRole('button', { name: 'Add to cart' }).click();
    await shopper.getByRole('status').getByText('Added to your cart.').waitFor(WAIT);
    // What a store's script would do (besides the demo store's own hook).
    await shopper.evaluate(() => {
      const w = window as unknown as { applied: unknown[]; events: unknown[] };
      w.applied = [];
      w.events = [];
      window.Comptoir!.onDiscount((d) => w.applied.push(d));
      document.addEventListener('comptoir:discount', (e) =>
        w.events.push((e as CustomEvent).detail),
      );
    });
    await shopper.locator('#comptoir-widget button.launcher').click();
    await chat().getByLabel('Your message').fill('Any discount on the Opaline lamp?');
    await chat().getByLabel('Your message').press('Enter');

    await console_.getByRole('link', { name: 'Inbox' }).click();
    await console_
      .getByRole('complementary', { name: 'Conversations' })
      .getByRole('button', { name: /Visitor \d+/ })
      .click();
    const thread = console_.getByRole('log', { name: 'Messages' });
    await thread.getByText('Any discount on the Opaline lamp?').waitFor(WAIT);
    // The codes are checked against the cart the conversation knows: wait until it has it.
    await console_.getByRole('button', { name: /^Cart: €149\.00 1 item/ }).waitFor(WAIT);

    const picker = console_.getByTestId('chat-window').getByRole('button', { name: 'Discount' });
    await picker.click();
    const panel = console_.getByRole('dialog', { name: 'Share a discount' });
    await panel.getByRole('button', { name: 'Share WINTER10' }).click();
    await panel
      .getByRole('alert')
      .getByText('WINTER10 is turned off. Turn it on in Discounts to share it.')
      .waitFor(WAIT);
    await panel.getByLabel('Search discount codes').fill('big');
    await panel.getByRole('button', { name: 'Share BIGCART20' }).click();
    await panel.waitFor({ state: 'detached', ...WAIT });
    await picker.click();
    await panel.getByRole('button', { name: 'Share SPRING15' }).click();
    await panel.waitFor({ state: 'detached', ...WAIT });
    await thread.getByTestId('discount-card').filter({ hasText: 'SPRING15' }).waitFor(WAIT);
  });

  it('the shopper applies a code: the store page gets it, the merchant sees it applied', async () => {
    const big = chat().locator('.discount-card', { hasText: 'BIGCART20' });
    await big.waitFor(WAIT);
    await big.getByRole('button', { name: 'Apply' }).click();
    await big
      .getByRole('alert')
      .getByText('This code needs a cart of at least €500.00: add €351.00 more to use it.')
      .waitFor(WAIT);

    const spring = chat().locator('.discount-card', { hasText: 'SPRING15' });
    await spring.getByRole('button', { name: 'Apply' }).click();
    await spring.getByText('Applied to your cart').waitFor(WAIT);
    await chat()
      .locator('li.message.system', { hasText: 'Discount SPRING15 applied' })
      .waitFor(WAIT);
    const received = await shopper.evaluate(() => ({
      hook: (window as unknown as { applied?: unknown[] }).applied,
      event: (window as unknown as { events?: unknown[] }).events,
    }));
    const spring15 = { code: 'SPRING15', kind: 'percentage', value: 15, currency: 'EUR' };
    expect(received).toEqual({ hook: [spring15], event: [spring15] });
    await screenshot(shopper, 'widget-discount-applied');

    const thread = console_.getByRole('log', { name: 'Messages' });
    await thread
      .getByTestId('discount-card')
      .filter({ hasText: 'SPRING15' })
      .getByText('Applied by the shopper')
      .waitFor(WAIT);
    await thread.locator('.from-system', { hasText: 'Discount SPRING15 applied' }).waitFor(WAIT);
    await screenshot(console_, 'console-conversation-discount');
  });
});
