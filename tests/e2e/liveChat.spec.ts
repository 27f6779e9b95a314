import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoStore } from '../../scripts/lib/demo-store-server.mjs';
import { seedMerchant, seedStore } from '../../scripts/lib/seed.mjs';
import { launchBrowser, screenshot } from '../support/browser';
import { setOnline, signIn, WAIT } from '../support/console';
import { HOSTING, merchantFor, uniqueStoreId } from '../support/emulators';

describe('the live chat loop in a real browser', () => {
  const storeId = uniqueStoreId('e2e');
  const merchant = merchantFor(storeId, 'Camille');
  let browser: Browser;
  let store: { url: string; close(): Promise<void> };
  let shopperContext: BrowserContext;
  let merchantContext: BrowserContext;
  let shopper: Page;
  let console_: Page;

  const chatFrame = (): FrameLocator => shopper.frameLocator('#comptoir-widget iframe');
  const launcher = () => shopper.locator('#comptoir-widget button.launcher');

  beforeAll(async () => {
    await seedStore(storeId);
    await seedMerchant(storeId, merchant);
    store = await startDemoStore({ widgetOrigin: HOSTING, storeId });
    browser = await launchBrowser();
    shopperContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    merchantContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    shopper = await shopperContext.newPage();
    console_ = await merchantContext.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await store?.close();
  });

  it('a shopper on the store opens the chat and sees the store’s header and welcome text', async () => {
    // The chat shows on the store only while an operator is online.
    await signIn(console_, merchant);
    await setOnline(console_, true);
    await shopper.goto(`${store.url}/`);
    await launcher().waitFor(WAIT);
    expect(await launcher().getAttribute('aria-label')).toBe('Open chat');
    await launcher().click();
    await chatFrame().getByRole('heading', { name: 'Chat with Maison Lumière' }).waitFor(WAIT);
    await chatFrame().getByText('Hello! Questions about a lamp').waitFor(WAIT);
  });

  it('the shopper’s message appears live in the merchant’s console, and the reply comes back live with the operator’s name', async () => {
    await chatFrame().getByLabel('Your message').fill('Do you ship the Opaline lamp to Belgium?');
    await chatFrame().getByLabel('Your message').press('Enter');
    await chatFrame()
      .locator('li.message.shopper', { hasText: 'ship the Opaline lamp' })
      .waitFor(WAIT);

    // The conversation appears at once, then its preview as the message lands.
    const item = console_
      .getByRole('complementary', { name: 'Conversations' })
      .getByRole('button', { name: /Visitor \d+/ })
      .filter({ hasText: 'Do you ship the Opaline lamp to Belgium?' });
    await item.waitFor(WAIT);
    // The unread count shows in the tab title until the merchant opens the conversation.
    await console_.waitForFunction(() => document.title === '(1) Comptoir — Inbox');
    await item.click();
    await console_.waitForFunction(() => document.title === 'Comptoir — Inbox');
    const thread = console_.getByRole('log', { name: 'Messages' });
    await thread.getByText('Do you ship the Opaline lamp to Belgium?').waitFor(WAIT);

    await console_.getByLabel('Reply').fill('Yes! Delivery to Belgium takes 3 days.');
    await console_.getByRole('button', { name: 'Send' }).click();
    await thread.getByText('Yes! Delivery to Belgium takes 3 days.').waitFor(WAIT);
    // The shopper's page is open: the merchant sees them on the store.
    await console_.getByTestId('shopper-presence').getByText('On the store').waitFor(WAIT);

    const reply = chatFrame().locator('li.message.operator', { hasText: 'Delivery to Belgium' });
    await reply.waitFor(WAIT);
    expect(await reply.locator('.meta').innerText()).toContain('Camille');
    await screenshot(shopper, 'store-with-chat-open');
  });

  it('a follow-up from the shopper reaches the open conversation without reloading the console', async () => {
    await chatFrame().getByLabel('Your message').fill('Great, I will order today.');
    await chatFrame().getByRole('button', { name: 'Send' }).click();
    await console_
      .getByRole('log', { name: 'Messages' })
      .getByText('Great, I will order today.')
      .waitFor(WAIT);
    await screenshot(console_, 'console-conversation');
  });

  it('each side sees the other typing, and the merchant sees "Seen" once the shopper has read the reply', async () => {
    const thread = console_.getByRole('log', { name: 'Messages' });
    // The shopper has the chat open since the reply arrived: the reply counts as seen.
    await thread.getByText('Seen', { exact: true }).waitFor(WAIT);
    await chatFrame().getByLabel('Your message').fill('Let me check my');
    await thread.getByText(/Visitor \d+ is typing…/).waitFor(WAIT);
    await console_.getByLabel('Reply').fill('Take your time');
    await chatFrame().getByText('Camille is typing…').waitFor(WAIT);
    await screenshot(shopper, 'store-operator-typing');
    await screenshot(console_, 'console-shopper-typing-and-seen');
    // Emptying the box clears the indicator on the other side.
    await console_.getByLabel('Reply').fill('');
    await chatFrame()
      .getByText('Camille is typing…')
      .waitFor({ state: 'hidden', ...WAIT });
    await chatFrame().getByLabel('Your message').fill('');
  });

  it('the conversation follows the shopper to another page of the store', async () => {
    await shopper.goto(`${store.url}/product.html`);
    // The chat was open and live: the loader restores it without a click.
    await chatFrame().getByText('Great, I will order today.').waitFor(WAIT);
    await chatFrame().getByText('Yes! Delivery to Belgium takes 3 days.').waitFor(WAIT);
  });

  it('a closed chat shows an unread badge on the launcher when the operator replies', async () => {
    await chatFrame().getByRole('button', { name: 'Close' }).click();
    await shopper.locator('#comptoir-widget button.launcher[aria-expanded="false"]').waitFor(WAIT);
    await console_.getByLabel('Reply').fill('It ships tomorrow morning.');
    await console_.getByLabel('Reply').press('Enter');
    const badge = shopper.locator('#comptoir-widget .badge');
    await badge.waitFor({ state: 'visible', ...WAIT });
    expect(await badge.innerText()).toBe('1');
  });

  it('a French store page gets the French texts and interface', async () => {
    const page = await browser.newPage();
    await page.goto(`${store.url}/?lang=fr`);
    const button = page.locator('#comptoir-widget button.launcher');
    await button.waitFor(WAIT);
    expect(await button.getAttribute('aria-label')).toBe('Ouvrir la discussion');
    await button.click();
    const frame = page.frameLocator('#comptoir-widget iframe');
    await frame.getByRole('heading', { name: 'Discutez avec Maison Lumière' }).waitFor(WAIT);
    expect(await frame.getByRole('button', { name: 'Envoyer' }).count()).toBe(1);
    await page.close();
  });

  it('the merchant sees at once when the shopper leaves the store', async () => {
    await console_.getByTestId('shopper-presence').getByText('On the store').waitFor(WAIT);
    await shopper.close({ runBeforeUnload: true });
    await console_.getByTestId('shopper-presence').getByText('Left the store').waitFor(WAIT);
  });
});
