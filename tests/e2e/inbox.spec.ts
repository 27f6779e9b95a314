import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { addDoc, collection, serverTimestamp } from 'firebase/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messagesPath } from '@comptoir/core';
import { startDemoStore } from '../../scripts/lib/demo-store-server.mjs';
import { DEMO_WIDGET, seedMerchant, seedStore } from '../../scripts/lib/seed.mjs';
import { launchBrowser, screenshot } from '../support/browser';
import { setOnline, signIn, WAIT } from '../support/console';
import {
  call,
  HOSTING,
  merchantFor,
  shopperClient,
  uniqueStoreId,
  type Client,
} from '../support/emulators';

/** A shopper chatting through the web SDK, as the widget does, without a browser page. */
interface ApiShopper {
  client: Client & { uid: string };
  conversationId: string;
}

describe('the inbox: recap, chat windows side by side, end and reopen', () => {
  const storeId = uniqueStoreId('inbox');
  const merchant = merchantFor(storeId, 'Camille');
  const apiShoppers: ApiShopper[] = [];
  let browser: Browser;
  let store: { url: string; close(): Promise<void> };
  let merchantContext: BrowserContext;
  let console_: Page;
  let shopper: Page;

  const recap = () => console_.getByRole('complementary', { name: 'Conversations' });
  const windows = () => console_.getByTestId('chat-window');
  const windowOf = (id: string) =>
    console_.locator(`[data-testid="chat-window"][data-conversation-id="${id}"]`);
  const itemOf = (id: string) => recap().locator(`[data-conversation-id="${id}"]`);
  const chat = (): FrameLocator => shopper.frameLocator('#comptoir-widget iframe');

  async function apiShopperSays(text: string): Promise<ApiShopper> {
    const client = await shopperClient();
    const { conversationId } = await call<{ conversationId: string }>(client, 'startConversation', {
      storeId,
    });
    await addDoc(collection(client.db, messagesPath(storeId, conversationId)), {
      author: 'shopper',
      authorUid: client.uid,
      text,
      createdAt: serverTimestamp(),
    });
    const entry = { client, conversationId };
    apiShoppers.push(entry);
    return entry;
  }

  beforeAll(async () => {
    await seedStore(storeId, DEMO_WIDGET, { maxConcurrentChats: 8 });
    await seedMerchant(storeId, merchant);
    store = await startDemoStore({ widgetOrigin: HOSTING, storeId, port: 5090 });
    browser = await launchBrowser();
    merchantContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    console_ = await merchantContext.newPage();
    shopper = await (
      await browser.newContext({ viewport: { width: 1280, height: 800 } })
    ).newPage();
    await signIn(console_, merchant);
    await setOnline(console_, true);
  });

  afterAll(async () => {
    await Promise.all(apiShoppers.map((s) => s.client.close()));
    await browser?.close();
    await store?.close();
  });

  it('the recap lists ongoing conversations with their unread counts', async () => {
    for (let n = 1; n <= 5; n++) await apiShopperSays(`Question number ${n}`);
    await recap().getByText('Question number 5').waitFor(WAIT);
    const ongoingTab = recap().getByRole('tab', { name: /Ongoing/ });
    await ongoingTab.getByRole('img', { name: '5 unread messages' }).waitFor(WAIT);
    expect(await ongoingTab.getAttribute('aria-selected')).toBe('true');
    expect(await recap().getByTestId('conversation-item').count()).toBe(5);
    expect(await recap().getByTestId('capacity').innerText()).toBe('5 of 8 chats in use');
  });

  it('up to four windows open side by side; a fifth replaces the oldest, which stays in Ongoing', async () => {
    const [first, second, third, fourth, fifth] = apiShoppers;
    for (const s of [first!, second!, third!, fourth!]) {
      await itemOf(s.conversationId).click();
      await windowOf(s.conversationId)
        .getByText(/Question number/)
        .waitFor(WAIT);
    }
    expect(await windows().count()).toBe(4);
    // Shown in a window on a visible tab: read.
    await recap()
      .getByRole('tab', { name: /Ongoing/ })
      .getByRole('img', { name: '1 unread message' })
      .waitFor(WAIT);

    await itemOf(fifth!.conversationId).click();
    await windowOf(fifth!.conversationId).getByText('Question number 5').waitFor(WAIT);
    expect(await windows().count()).toBe(4);
    expect(await windowOf(first!.conversationId).count()).toBe(0);
    expect(await itemOf(first!.conversationId).isVisible()).toBe(true);
    await screenshot(console_, 'console-four-windows');
  });

  it('a window can be minimised to the dock and restored, or hidden back to the recap', async () => {
    const second = apiShoppers[1]!;
    await windowOf(second.conversationId)
      .getByRole('button', { name: /^Minimise/ })
      .click();
    expect(await windows().count()).toBe(3);
    const docked = console_.getByRole('navigation', { name: 'Minimised conversations' });
    await docked.getByRole('button', { name: /Visitor/ }).click();
    await windowOf(second.conversationId).waitFor(WAIT);
    expect(await windows().count()).toBe(4);

    await windowOf(second.conversationId).getByRole('button', { name: /^Hide/ }).click();
    expect(await windows().count()).toBe(3);
    expect(await itemOf(second.conversationId).isVisible()).toBe(true);
  });

  it('the recap itself can be minimised, still showing what waits', async () => {
    await recap().getByRole('button', { name: 'Minimise the conversations panel' }).click();
    await recap().getByRole('button', { name: 'Show the conversations' }).waitFor(WAIT);
    await screenshot(console_, 'console-recap-minimised');
    await recap().getByRole('button', { name: 'Show the conversations' }).click();
    await recap()
      .getByRole('tab', { name: /Finished/ })
      .waitFor(WAIT);
  });

  it('fewer windows fit on a narrower screen, and one on a phone', async () => {
    await console_.setViewportSize({ width: 1280, height: 800 });
    await expect.poll(() => windows().count(), WAIT).toBe(2);
    await console_.setViewportSize({ width: 390, height: 800 });
    await expect.poll(() => windows().count(), WAIT).toBe(1);
    // On a phone the window takes the screen; hiding it brings the recap back.
    await windows().getByRole('button', { name: /^Hide/ }).click();
    await recap()
      .getByRole('tab', { name: /Ongoing/ })
      .waitFor(WAIT);
    await screenshot(console_, 'console-phone-recap');
    await console_.setViewportSize({ width: 1920, height: 1080 });
  });

  it('ending a conversation asks first, moves it to Finished, and the shopper writing again reopens it', async () => {
    // A shopper in a real browser on the store, so the widget's own reopen path runs.
    await shopper.goto(`${store.url}/`);
    await shopper.locator('#comptoir-widget button.launcher').click();
    await chat().getByLabel('Your message').fill('Is the walnut lamp back in stock?');
    await chat().getByLabel('Your message').press('Enter');
    const item = recap().getByTestId('conversation-item').filter({ hasText: 'walnut lamp' });
    await item.waitFor(WAIT);
    await item.click();
    const window = windows().filter({ hasText: 'walnut lamp' });
    await window.getByRole('button', { name: 'End conversation' }).click();
    await window.getByRole('group', { name: 'End this conversation?' }).waitFor(WAIT);
    await window.getByRole('button', { name: 'End', exact: true }).click();
    await window.getByTestId('window-status').getByText('Finished').waitFor(WAIT);
    await window.getByRole('button', { name: 'Reopen' }).waitFor(WAIT);
    expect(await item.count()).toBe(0); // gone from Ongoing
    await recap()
      .getByRole('tab', { name: /Finished/ })
      .click();
    await recap().getByTestId('conversation-item').filter({ hasText: 'walnut lamp' }).waitFor(WAIT);
    await chat().getByText('This conversation has ended').waitFor(WAIT);
    await screenshot(console_, 'console-finished-window');

    await chat().getByLabel('Your message').fill('Sorry, one more thing: is it dimmable?');
    await chat().getByLabel('Your message').press('Enter');
    await window.getByTestId('window-status').getByText('Ongoing').waitFor(WAIT);
    await window.getByText('is it dimmable?').waitFor(WAIT);
    await recap()
      .getByRole('tab', { name: /Ongoing/ })
      .click();
    await recap().getByTestId('conversation-item').filter({ hasText: 'dimmable' }).waitFor(WAIT);
    await chat()
      .getByText('This conversation has ended')
      .waitFor({ state: 'hidden', ...WAIT });
    // The reply box is back, and the shopper gets the answer live.
    await window.getByLabel('Reply').fill('Yes, with any standard dimmer.');
    await window.getByLabel('Reply').press('Enter');
    await chat().getByText('Yes, with any standard dimmer.').waitFor(WAIT);
  });

  it('the merchant reopens a finished conversation to follow up', async () => {
    const third = apiShoppers[2]!;
    await itemOf(third.conversationId).click();
    const window = windowOf(third.conversationId);
    await window.getByRole('button', { name: 'End conversation' }).click();
    await window.getByRole('button', { name: 'End', exact: true }).click();
    await window.getByRole('button', { name: 'Reopen' }).click();
    await window.getByTestId('window-status').getByText('Ongoing').waitFor(WAIT);
    await window.getByLabel('Reply').waitFor(WAIT);
    await itemOf(third.conversationId).waitFor(WAIT);
  });
});
