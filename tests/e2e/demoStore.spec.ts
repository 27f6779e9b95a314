/**
 * The reference integration end to end: a shopper shops on the demo store (product page,
 * cart) while chatting; the merchant follows the cart in the console and shares a code;
 * the shopper applies it in the chat and the store's own cart total drops.
 */
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoStore } from '../../scripts/lib/demo-store-server.mjs';
import { seedMerchant, seedStore } from '../../scripts/lib/seed.mjs';
import { launchBrowser, screenshot } from '../support/browser';
import { setOnline, signIn, WAIT } from '../support/console';
import { call, HOSTING, merchantFor, operatorClient, uniqueStoreId } from '../support/emulators';

describe('the demo store: cart events and a discount that lowers the store’s total', () => {
  const storeId = uniqueStoreId('demo-e2e');
  const merchant = merchantFor(storeId, 'Camille');
  let browser: Browser;
  let store: { url: string; close(): Promise<void> };
  let shopper: Page;
  let console_: Page;
  const chat = (): FrameLocator => shopper.frameLocator('#comptoir-widget iframe');

  beforeAll(async () => {
    await seedStore(storeId);
    await seedMerchant(storeId, merchant);
    const operator = await operatorClient(merchant);
    await call(operator, 'saveDiscount', {
      storeId,
      create: true,
      discount: {
        code: 'SPRING15',
        kind: 'percentage',
        value: 15,
        currency: 'EUR',
        startsAt: null,
        endsAt: null,
        usageLimit: 100,
        minimumSubtotal: 50,
        active: true,
      },
    });
    await operator.close();
    store = await startDemoStore({ widgetOrigin: HOSTING, storeId, port: 5095 });
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

  it('the shopper adds to the cart: the merchant sees the line and the cart in the header', async () => {
    await signIn(console_, merchant);
    await setOnline(console_, true);

    await shopper.goto(`${store.url}/product.html?id=opaline`);
    await shopper.locator('#comptoir-widget button.launcher').click();
    await chat().getByLabel('Your message').fill('Does the Opaline lamp come in sage?');
    await chat().getByLabel('Your message').press('Enter');
    await console_
      .getByRole('complementary', { name: 'Conversations' })
      .getByRole('button', { name: /Visitor \d+/ })
      .click();
    const thread = console_.getByRole('log', { name: 'Messages' });
    await thread.getByText('Does the Opaline lamp come in sage?').waitFor(WAIT);

    // The open chat covers the buy button on this screen: the shopper closes it first.
    await shopper.locator('#comptoir-widget button.launcher').click();
    await shopper.getByLabel('Finish').selectOption('Sage');
    await shopper.getByRole('button', { name: 'Add to cart' }).click();
    await shopper.getByRole('status').getByText('Added to your cart.').waitFor(WAIT);
    expect(await shopper.locator('header .cart').innerText()).toBe('Cart (1)');

    await thread
      .locator('.from-system', { hasText: 'Added Opaline table lamp (Sage)' })
      .waitFor(WAIT);
    const header = console_.getByTestId('cart-summary');
    await header.waitFor(WAIT);
    expect(await header.innerText()).toMatch(/€149\.00\s*1 item/);

    // The shopper sees the same line in their chat.
    const launcher = shopper.locator('#comptoir-widget button.launcher');
    await launcher.click();
    await shopper.locator('#comptoir-widget iframe').waitFor({ state: 'visible', ...WAIT });
    await chat()
      .locator('li.message.system', { hasText: 'Added Opaline table lamp (Sage)' })
      .waitFor(WAIT);
    await screenshot(shopper, 'demo-store-product-with-chat');
    await launcher.click();
  });

  it('the merchant shares a code, the shopper applies it, and the store’s cart total drops', async () => {
    await shopper.getByRole('link', { name: 'View cart' }).click();
    const total = shopper.locator('[data-total]');
    await total.waitFor(WAIT);
    expect(await total.innerText()).toBe('€149.00');

    await console_.getByTestId('chat-window').getByRole('button', { name: 'Discount' }).click();
    await console_
      .getByRole('dialog', { name: 'Share a discount' })
      .getByRole('button', { name: 'Share SPRING15' })
      .click();
    const thread = console_.getByRole('log', { name: 'Messages' });
    await thread.getByTestId('discount-card').waitFor(WAIT);

    // The chat follows the shopper to the cart page, with the same conversation.
    await shopper.locator('#comptoir-widget button.launcher').click();
    const card = chat().locator('.discount-card', { hasText: 'SPRING15' });
    await card.waitFor(WAIT);
    await card.getByRole('button', { name: 'Apply' }).click();
    await card.getByText('Applied to your cart').waitFor(WAIT);

    await shopper.waitForFunction(
      () => document.querySelector('[data-total]')?.textContent === '€126.65',
      undefined,
      WAIT,
    );
    expect(await shopper.getByRole('complementary', { name: 'Order summary' }).innerText()).toMatch(
      /Discount SPRING15\s*−€22\.35/,
    );
    await screenshot(shopper, 'demo-store-cart-discount-applied');
    await shopper.locator('#comptoir-widget button.launcher').click();
    await screenshot(shopper, 'demo-store-cart-total-after-discount');

    await thread.getByTestId('discount-card').getByText('Applied by the shopper').waitFor(WAIT);
    await screenshot(console_, 'console-conversation-cart-and-discount');
  });
});
