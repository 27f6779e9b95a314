import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoStore } from '../../scripts/lib/demo-store-server.mjs';
import { seedMerchant, seedStore } from '../../scripts/lib/seed.mjs';
import { launchBrowser, screenshot } from '../support/browser';
import { setOnline, signIn, WAIT } from '../support/console';
import { HOSTING, merchantFor, uniqueStoreId } from '../support/emulators';

/** The cart with `quantity` Opaline lamps (none: an empty cart). */
const lamp = (quantity: number) => ({
  items:
    quantity === 0
      ? []
      : [
          {
            id: 'opaline-sage',
            name: 'Opaline table lamp',
            variant: 'Sage',
            quantity,
            unitPrice: 149,
          },
        ],
  subtotal: 149 * quantity,
  currency: 'EUR',
});

describe('cart events through Comptoir.cart()', () => {
  const storeId = uniqueStoreId('cart-e2e');
  const merchant = merchantFor(storeId, 'Camille');
  let browser: Browser;
  let store: { url: string; close(): Promise<void> };
  let shopper: Page;
  let console_: Page;

  beforeAll(async () => {
    await seedStore(storeId);
    await seedMerchant(storeId, merchant);
    store = await startDemoStore({ widgetOrigin: HOSTING, storeId, port: 5093 });
    browser = await launchBrowser();
    console_ = await (
      await browser.newContext({ viewport: { width: 1280, height: 800 } })
    ).newPage();
    shopper = await (
      await browser.newContext({ viewport: { width: 1280, height: 800 } })
    ).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await store?.close();
  });

  it('before any conversation, cart() loads nothing: no chat frame, no Firebase', async () => {
    await signIn(console_, merchant);
    await setOnline(console_, true);
    await shopper.goto(`${store.url}/`);
    await shopper.locator('#comptoir-widget button.launcher').waitFor(WAIT);
    await shopper.evaluate((cart) => window.Comptoir!.cart(cart), lamp(0));
    expect(await shopper.locator('#comptoir-widget iframe').count()).toBe(0);
    const error = await shopper.evaluate(() => {
      try {
        // @ts-expect-error: a store developer passing the wrong thing
        window.Comptoir!.cart([]);
        return 'no error';
      } catch (e) {
        return (e as Error).message;
      }
    });
    expect(error).toMatch(/cart\(\) takes \{ items: \[/);
  });

  it('once the shopper chats, an added product shows as a line and in the conversation header', async () => {
    await shopper.locator('#comptoir-widget button.launcher').click();
    const chat = shopper.frameLocator('#comptoir-widget iframe');
    await chat.getByLabel('Your message').fill('Is the Opaline lamp dimmable?');
    await chat.getByLabel('Your message').press('Enter');

    const item = console_
      .getByRole('complementary', { name: 'Conversations' })
      .getByRole('button', { name: /Visitor \d+/ });
    await item.waitFor(WAIT);
    await item.click();
    await console_
      .getByRole('log', { name: 'Messages' })
      .getByText('Is the Opaline lamp dimmable?')
      .waitFor(WAIT);
    expect(await console_.getByTestId('cart-summary').count()).toBe(0);

    await shopper.evaluate((cart) => window.Comptoir!.cart(cart), lamp(2));
    const line = console_
      .getByRole('log', { name: 'Messages' })
      .locator('.from-system', { hasText: 'Added 2 × Opaline table lamp (Sage)' });
    await line.waitFor(WAIT);
    const header = console_.getByTestId('cart-summary');
    await header.waitFor(WAIT);
    expect(await header.innerText()).toMatch(/€298\.00\s*2 items/);
    await header.getByRole('button').click();
    const lines = console_.getByRole('region', { name: 'Cart' });
    expect(await lines.innerText()).toContain('Opaline table lamp');
    await screenshot(console_, 'console-cart-header');
    await header.getByRole('button').click();

    // The shopper sees the same line, centred and muted, in their own chat.
    await chat
      .locator('li.message.system', { hasText: 'Added 2 × Opaline table lamp' })
      .waitFor(WAIT);
  });
});
