import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoStore } from '../../scripts/lib/demo-store-server.mjs';
import { DEMO_WIDGET, seedMerchant, seedStore } from '../../scripts/lib/seed.mjs';
import { launchBrowser, screenshot } from '../support/browser';
import { setOnline, signIn, WAIT } from '../support/console';
import {
  eventually,
  HOSTING,
  MAIL_SINK,
  merchantFor,
  outbox,
  uniqueStoreId,
} from '../support/emulators';

type Store = { url: string; close(): Promise<void> };
let browser: Browser;
const stores: Store[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await Promise.all(stores.map((s) => s.close()));
});

/** A store page on its own port, as a merchant's site would be. */
async function storePage(storeId: string, port: number) {
  const store = await startDemoStore({ widgetOrigin: HOSTING, storeId, port });
  stores.push(store);
  return store;
}

async function openWidget(page: Page, url: string) {
  await page.goto(url);
  const launcher = page.locator('#comptoir-widget button.launcher');
  await launcher.waitFor(WAIT);
  await launcher.click();
  return page.frameLocator('#comptoir-widget iframe');
}

describe('availability in a real browser', () => {
  it('the merchant goes offline → the shopper gets the contact form → the email reaches the outbox with reply-to set', async () => {
    const storeId = uniqueStoreId('offline');
    const notificationEmail = `${storeId}@merchant.test`;
    await seedStore(storeId, DEMO_WIDGET, { notificationEmail });
    const merchant = merchantFor(storeId);
    await seedMerchant(storeId, merchant);
    const console_ = await browser.newPage();
    await signIn(console_, merchant);
    await setOnline(console_, true);
    await setOnline(console_, false);
    const store = await storePage(storeId, 5081);

    const shopper = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const frame = await openWidget(shopper, `${store.url}/`);
    await frame.getByRole('heading', { name: 'Leave us a message' }).waitFor(WAIT);
    // The same rules as the server, checked before sending, one message per field.
    await frame.getByLabel('First name').fill('Ada');
    await frame.getByLabel('Email').fill('ada@example');
    await frame.getByLabel('Message').fill('Is the Opaline lamp available in blue?');
    await frame.getByRole('button', { name: 'Send message' }).click();
    await frame.getByText('Enter a valid email address').waitFor(WAIT);
    await frame.getByLabel('Email').fill('ada@example.com');
    await frame.getByRole('button', { name: 'Send message' }).click();
    await frame.getByText('Thank you! Your message has been sent.').waitFor(WAIT);
    await screenshot(shopper, 'store-offline-form-sent');

    const [mail] = await eventually(
      async () => (await outbox()).filter((m) => m.to.includes(notificationEmail)),
      (list) => list.length > 0,
    );
    expect(mail).toMatchObject({ replyTo: 'ada@example.com' });
    expect(mail!.text).toContain('Is the Opaline lamp available in blue?');

    // The merchant finds it in the console too, with every field, and marks it read.
    await console_.getByRole('link', { name: /Offline messages/ }).click();
    const item = console_.getByTestId('offline-message').filter({ hasText: 'available in blue' });
    await item.waitFor(WAIT);
    expect(await item.innerText()).toContain('ada@example.com');
    const unreadBadge = console_.getByRole('img', { name: '1 unread offline message' });
    await unreadBadge.waitFor(WAIT);
    await item.getByRole('button', { name: 'Mark as read' }).click();
    await item.getByRole('button', { name: 'Mark as unread' }).waitFor(WAIT);
    await unreadBadge.waitFor({ state: 'detached', ...WAIT });

    // And in the outbox page of the local SendGrid sink.
    const outboxPage = await browser.newPage();
    await outboxPage.goto(`${MAIL_SINK}/messages/${mail!.id}`);
    await outboxPage.getByText('Is the Opaline lamp available in blue?').first().waitFor(WAIT);
    await screenshot(outboxPage, 'outbox-message');
    await Promise.all([console_.close(), shopper.close(), outboxPage.close()]);
  });

  it('the merchant sets a cap of 1 in Settings; with one ongoing chat, a second shopper is offered the contact form', async () => {
    const storeId = uniqueStoreId('full');
    await seedStore(storeId, DEMO_WIDGET);
    const merchant = merchantFor(storeId);
    await seedMerchant(storeId, merchant);
    const console_ = await browser.newPage();
    await signIn(console_, merchant);
    await console_.getByRole('link', { name: 'Settings' }).click();
    const cap = console_.getByLabel('Maximum simultaneous chats');
    await cap.fill('0');
    await console_.getByRole('button', { name: 'Save settings' }).click();
    await console_.getByText('Choose a whole number from 1 to 100.').first().waitFor(WAIT);
    await cap.fill('1');
    await console_.getByRole('button', { name: 'Save settings' }).click();
    await console_.getByRole('status').getByText('Settings saved').waitFor(WAIT);
    await setOnline(console_, true);
    const store = await storePage(storeId, 5082);

    const first = await (await browser.newContext()).newPage();
    const firstChat = await openWidget(first, `${store.url}/`);
    await firstChat.getByLabel('Your message').fill('Hello, I have a question.');
    await firstChat.getByLabel('Your message').press('Enter');
    await firstChat.locator('li.message.shopper').waitFor(WAIT);

    const second = await (await browser.newContext()).newPage();
    const secondChat = await openWidget(second, `${store.url}/`);
    const form = secondChat.getByRole('heading', { name: 'Leave us a message' });
    const composer = secondChat.getByLabel('Your message');
    await form.or(composer).first().waitFor(WAIT);
    // A loader answer cached from before the store filled up still shows the chat: the
    // first message then gets a definite "full" from the server and the form appears.
    if (await composer.isVisible()) {
      await composer.fill('Anyone there?');
      await composer.press('Enter');
      await secondChat.getByText('All our advisers are busy').waitFor(WAIT);
    }
    await form.waitFor(WAIT);
    await screenshot(second, 'store-full-form');
    await Promise.all([console_.close(), first.close(), second.close()]);
  });

  it('with offline mode off and nobody online, the store shows no launcher at all', async () => {
    const storeId = uniqueStoreId('hidden');
    await seedStore(storeId, DEMO_WIDGET, { offlineMode: false });
    const store = await storePage(storeId, 5083);
    const page = await browser.newPage();
    const answered = page.waitForResponse((r) => r.url().includes('/api/availability'));
    await page.goto(`${store.url}/`);
    const body = await (await answered).json();
    expect(body).toMatchObject({ status: 'offline', offlineForm: false });
    await page.waitForTimeout(300);
    expect(await page.locator('#comptoir-widget').count()).toBe(0);
    await page.close();
  });
});
