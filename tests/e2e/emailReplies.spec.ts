import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoStore } from '../../scripts/lib/demo-store-server.mjs';
import { DEMO_WIDGET, seedMerchant, seedStore } from '../../scripts/lib/seed.mjs';
import { launchBrowser, screenshot } from '../support/browser';
import { setOnline, signIn, WAIT } from '../support/console';
import {
  HOSTING,
  MAIL_SINK,
  merchantFor,
  outbox,
  sweepNow,
  uniqueStoreId,
} from '../support/emulators';

describe('a conversation that survives the shopper leaving', () => {
  const storeId = uniqueStoreId('email');
  const merchant = merchantFor(storeId, 'Camille');
  const shopperEmail = `${storeId}@shopper.test`;
  let browser: Browser;
  let store: { url: string; close(): Promise<void> };
  let console_: Page;
  let shopper: Page;
  let resumeLink = '';

  const chat = (page: Page) => page.frameLocator('#comptoir-widget iframe');
  const window_ = () => console_.getByTestId('chat-window');

  beforeAll(async () => {
    await seedStore(storeId);
    await seedMerchant(storeId, merchant);
    store = await startDemoStore({ widgetOrigin: HOSTING, storeId, port: 5092 });
    browser = await launchBrowser();
    console_ = await (
      await browser.newContext({ viewport: { width: 1440, height: 900 } })
    ).newPage();
    shopper = await (await browser.newContext()).newPage();
    await signIn(console_, merchant);
    await setOnline(console_, true);
  });

  afterAll(async () => {
    await browser?.close();
    await store?.close();
  });

  it('after the first message the widget offers to send the answer by email', async () => {
    await shopper.goto(`${store.url}/product.html`);
    await shopper.locator('#comptoir-widget button.launcher').click();
    await chat(shopper).getByLabel('Your message').fill('Do you have the Opaline lamp in blue?');
    await chat(shopper).getByLabel('Your message').press('Enter');
    const card = chat(shopper).getByRole('region', { name: 'Get our answer by email' });
    await card.waitFor(WAIT);
    await card.getByLabel('Email').fill('not-an-email');
    await card.getByRole('button', { name: 'Email me the answer' }).click();
    await card.getByText('Enter a valid email address').waitFor(WAIT);
    await card.getByLabel('Email').fill(shopperEmail);
    await card.getByLabel(/Name/).fill('Léa');
    await screenshot(shopper, 'store-ask-email');
    await card.getByRole('button', { name: 'Email me the answer' }).click();
    await chat(shopper).getByText(`we will write to ${shopperEmail}`).waitFor(WAIT);
  });

  it('the shopper leaves; the merchant’s reply goes by email, with the question for context', async () => {
    await console_
      .getByTestId('conversation-item')
      .filter({ hasText: 'Opaline lamp in blue' })
      .click();
    await window_().getByText(shopperEmail).waitFor(WAIT);
    await shopper.close({ runBeforeUnload: true });
    await window_().getByTestId('reply-channel').getByText('Replies go by email').waitFor(WAIT);

    await window_().getByLabel('Reply').fill('Yes! The blue one ships in 2 days.');
    await window_().getByLabel('Reply').press('Enter');
    await expect
      .poll(async () => {
        await sweepNow(Date.now() + 61_000);
        return (await outbox()).filter((m) => m.to.includes(shopperEmail)).length;
      }, WAIT)
      .toBe(1);
    const [mail] = (await outbox()).filter((m) => m.to.includes(shopperEmail));
    expect(mail!.text).toContain('Yes! The blue one ships in 2 days.');
    expect(mail!.text).toContain('You: Do you have the Opaline lamp in blue?');
    resumeLink = /http:\/\/\S+comptoir_resume=[A-Za-z0-9_-]{43}/.exec(mail!.text)![0];
    expect(resumeLink.startsWith(`${store.url}/product.html?`)).toBe(true);
    // The console says the reply went out by email.
    await window_()
      .locator('li', { hasText: 'ships in 2 days' })
      .getByText('Emailed')
      .waitFor(WAIT);
    await screenshot(console_, 'console-reply-emailed');
  });

  it('an answer from the outbox (as from a mail client) appears live in the console', async () => {
    const [mail] = (await outbox()).filter((m) => m.to.includes(shopperEmail));
    const sink = await browser.newPage();
    await sink.goto(`${MAIL_SINK}/messages/${mail!.id}`);
    await sink.getByLabel(/Your answer/).fill('Perfect, I will order the blue one.');
    await screenshot(sink, 'outbox-reply-form');
    await sink.getByRole('button', { name: 'Send reply' }).click();
    await sink.getByText('Reply delivered to the inbound webhook.').waitFor(WAIT);
    const answer = window_().locator('li', { hasText: 'Perfect, I will order the blue one.' });
    await answer.getByText('by email').waitFor(WAIT);
    // The quoted original stayed out of the conversation.
    expect(await window_().getByText('wrote:').count()).toBe(0);
    await sink.close();
  });

  it('the shopper comes back through the email’s link, in another browser, and sees it all', async () => {
    const elsewhere = await (await browser.newContext()).newPage();
    await elsewhere.goto(resumeLink);
    const thread = chat(elsewhere);
    await thread.getByText('Do you have the Opaline lamp in blue?').waitFor(WAIT);
    await thread.getByText('Yes! The blue one ships in 2 days.').waitFor(WAIT);
    await thread.getByText('Perfect, I will order the blue one.').waitFor(WAIT);
    // The token left the address bar at once.
    expect(elsewhere.url()).not.toContain('comptoir_resume');
    await screenshot(elsewhere, 'store-resumed-thread');
    await elsewhere.close();
  });

  it('a store with a required pre-chat form asks for the email before the first message', async () => {
    const preChatStore = uniqueStoreId('prechat');
    const email = `${preChatStore}@shopper.test`;
    await seedStore(
      preChatStore,
      { ...DEMO_WIDGET, emailCapture: 'pre-chat-required' },
      { emailCapture: 'pre-chat-required' },
    );
    await seedMerchant(preChatStore, merchantFor(preChatStore, 'Camille'));
    const otherConsole = await (await browser.newContext()).newPage();
    await signIn(otherConsole, merchantFor(preChatStore, 'Camille'));
    await setOnline(otherConsole, true);
    const demo = await startDemoStore({ widgetOrigin: HOSTING, storeId: preChatStore, port: 5093 });
    try {
      const page = await (await browser.newContext()).newPage();
      await page.goto(`${demo.url}/`);
      await page.locator('#comptoir-widget button.launcher').click();
      const card = chat(page).getByRole('region', { name: 'Before we start' });
      await card.waitFor(WAIT);
      expect(await chat(page).getByLabel('Your message').isDisabled()).toBe(true);
      expect(await card.getByRole('button', { name: 'No thanks' }).count()).toBe(0);
      await screenshot(page, 'store-pre-chat-form');
      await card.getByLabel('Email').fill(email);
      await card.getByRole('button', { name: 'Start the chat' }).click();
      await chat(page).getByLabel('Your message').fill('Hello, a question about lampshades');
      await chat(page).getByLabel('Your message').press('Enter');
      // The email given before the chat is on the conversation from its first message.
      await otherConsole.getByTestId('conversation-item').click();
      await otherConsole.getByTestId('chat-window').getByText(email).waitFor(WAIT);
    } finally {
      await demo.close();
    }
  });
});
