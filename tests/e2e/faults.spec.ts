import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { getFirestore } from 'firebase-admin/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoStore } from '../../scripts/lib/demo-store-server.mjs';
import { seedMerchant, seedStore } from '../../scripts/lib/seed.mjs';
import { launchBrowser, screenshot } from '../support/browser';
import { setOnline, signIn, WAIT } from '../support/console';
import { HOSTING, merchantFor, uniqueStoreId } from '../support/emulators';

describe('faults: the widget through a network drop', () => {
  const storeId = uniqueStoreId('e2e-offline');
  const merchant = merchantFor(storeId, 'Camille');
  let browser: Browser;
  let store: { url: string; close(): Promise<void> };
  let shopperContext: BrowserContext;
  let shopper: Page;
  let console_: Page;

  const chatFrame = (): FrameLocator => shopper.frameLocator('#comptoir-widget iframe');
  const composer = () => chatFrame().getByLabel('Your message');
  const waitingNotice = () => chatFrame().getByRole('status').filter({ hasText: 'Waiting for' });
  const bubble = (text: string) => chatFrame().locator('li.message.shopper', { hasText: text });
  const consoleThread = () => console_.getByRole('log', { name: 'Messages' });

  /** How many messages with this text the store has (every conversation of the store). */
  const storedCount = async (text: string) =>
    (await getFirestore().collectionGroup('messages').where('text', '==', text).get()).docs.filter(
      (d) => d.ref.path.startsWith(`stores/${storeId}/`),
    ).length;

  /** Sent while offline: shown as "Sending…", with the notice, and no error. */
  async function expectWaiting(text: string) {
    await waitingNotice().waitFor(WAIT);
    const item = bubble(text);
    await item.waitFor(WAIT);
    expect(await item.getAttribute('class')).toContain('pending');
    expect(await item.locator('.meta').innerText()).toBe('Sending…');
    expect(await chatFrame().locator('p.error').innerText()).toBe('');
    expect(await composer().inputValue()).toBe('');
  }

  /** Delivered: once in the console, once in the store's data, shown as sent in the widget. */
  async function expectDelivered(text: string) {
    await consoleThread().getByText(text, { exact: true }).waitFor(WAIT);
    // Every message the shopper wrote is confirmed by the server (none left "Sending…").
    await expect
      .poll(() => chatFrame().locator('li.message.shopper.pending').count(), WAIT)
      .toBe(0);
    await waitingNotice().waitFor({ state: 'hidden', ...WAIT });
    expect(await bubble(text).locator('.meta').innerText()).toMatch(/^\d{1,2}:\d{2}/);
    // Give a duplicate time to show up before counting.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await bubble(text).count()).toBe(1);
    expect(await consoleThread().getByText(text, { exact: true }).count()).toBe(1);
    expect(await storedCount(text)).toBe(1);
  }

  beforeAll(async () => {
    await seedStore(storeId);
    await seedMerchant(storeId, merchant);
    store = await startDemoStore({ widgetOrigin: HOSTING, storeId });
    browser = await launchBrowser();
    shopperContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const merchantContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    shopper = await shopperContext.newPage();
    console_ = await merchantContext.newPage();
    await signIn(console_, merchant);
    await setOnline(console_, true);
    await shopper.goto(`${store.url}/`);
    const launcher = shopper.locator('#comptoir-widget button.launcher');
    await launcher.waitFor(WAIT);
    await launcher.click();
    await chatFrame().getByText('Hello! Questions about a lamp').waitFor(WAIT);
  });

  afterAll(async () => {
    await browser?.close();
    await store?.close();
  });

  it('a first message typed while offline waits as "Sending…" (the conversation cannot start yet) and is delivered once when the connection is back', async () => {
    await shopperContext.setOffline(true);
    await composer().fill('Hello, is the Opaline lamp in stock?');
    await composer().press('Enter');
    await expectWaiting('Hello, is the Opaline lamp in stock?');
    // A second line while still offline queues behind the first.
    await composer().fill('In blue, please.');
    await composer().press('Enter');
    await bubble('In blue, please.').waitFor(WAIT);
    await screenshot(shopper, 'widget-offline-first-message');
    // Nothing reached the store meanwhile.
    expect(await storedCount('Hello, is the Opaline lamp in stock?')).toBe(0);

    await shopperContext.setOffline(false);
    const item = console_
      .getByRole('complementary', { name: 'Conversations' })
      .getByRole('button', { name: /Visitor \d+/ });
    await item.first().waitFor(WAIT);
    await item.first().click();
    await expectDelivered('Hello, is the Opaline lamp in stock?');
    await expectDelivered('In blue, please.');
    // In the order they were written.
    const thread = await consoleThread().innerText();
    expect(thread.indexOf('Opaline lamp in stock')).toBeLessThan(thread.indexOf('In blue'));
    await screenshot(shopper, 'widget-back-online');
  });

  it('in a live conversation, a message sent during a network drop shows "Sending…" and reaches the console once the connection is back', async () => {
    await shopperContext.setOffline(true);
    await composer().fill('My order number is A-1042.');
    await composer().press('Enter');
    await expectWaiting('My order number is A-1042.');
    await screenshot(shopper, 'widget-offline-live-conversation');
    await new Promise((r) => setTimeout(r, 2000));
    expect(await consoleThread().getByText('My order number is A-1042.').count()).toBe(0);

    await shopperContext.setOffline(false);
    await expectDelivered('My order number is A-1042.');
  });
});
