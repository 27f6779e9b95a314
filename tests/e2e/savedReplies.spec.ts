import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoStore } from '../../scripts/lib/demo-store-server.mjs';
import { seedMerchant, seedStore } from '../../scripts/lib/seed.mjs';
import { launchBrowser, screenshot } from '../support/browser';
import { setOnline, signIn, WAIT } from '../support/console';
import { HOSTING, merchantFor, uniqueStoreId } from '../support/emulators';

describe('saved replies and the automatic first response', () => {
  const storeId = uniqueStoreId('replies');
  const merchant = merchantFor(storeId, 'Camille');
  let browser: Browser;
  let store: { url: string; close(): Promise<void> };
  let console_: Page;
  let shopper: Page;

  beforeAll(async () => {
    await seedStore(storeId);
    await seedMerchant(storeId, merchant);
    store = await startDemoStore({ widgetOrigin: HOSTING, storeId, port: 5090 });
    browser = await launchBrowser();
    console_ = await (
      await browser.newContext({ viewport: { width: 1440, height: 900 } })
    ).newPage();
    shopper = await (
      await browser.newContext({ viewport: { width: 1280, height: 800 } })
    ).newPage();
    await signIn(console_, merchant);
    await setOnline(console_, true);
  });

  afterAll(async () => {
    await browser?.close();
    await store?.close();
  });

  it('the merchant turns the automatic response on in each language and adds saved replies', async () => {
    await console_.getByRole('link', { name: 'Settings' }).click();
    await console_.getByLabel("Answer a shopper's first message automatically").check();
    await console_
      .getByLabel('Automatic response (English)')
      .fill('Thanks for writing! An adviser will answer within a few minutes.');
    await console_.getByRole('button', { name: 'Save settings' }).click();
    // French is a store language too: Save names it and opens its tab.
    await console_
      .getByRole('tabpanel')
      .getByText('Write the automatic response in French, or turn it off.')
      .waitFor(WAIT);
    await console_
      .getByLabel('Automatic response (French)')
      .fill('Merci pour votre message ! Un conseiller vous répond dans quelques minutes.');
    await console_.getByRole('button', { name: 'Save settings' }).click();
    await console_.getByRole('status').getByText('Settings saved').waitFor(WAIT);

    for (const [title, text] of [
      ['Opening hours', 'Our workshop is open Tuesday to Saturday, 10:00 to 18:00.'],
      ['Delivery to Belgium', 'Delivery to Belgium takes 3 working days and is free from €80.'],
    ]) {
      await console_.getByRole('button', { name: 'Add a saved reply' }).click();
      await console_.getByLabel('Title').fill(title!);
      await console_.getByLabel('Reply', { exact: true }).fill(text!);
      await console_.getByRole('button', { name: 'Save reply' }).click();
      await console_.getByRole('heading', { name: title }).waitFor(WAIT);
    }
    // A reply without text is explained, not sent.
    await console_.getByRole('button', { name: 'Add a saved reply' }).click();
    await console_.getByLabel('Title').fill('Empty');
    await console_.getByRole('button', { name: 'Save reply' }).click();
    await console_.getByText('Write the reply.').waitFor(WAIT);
    await console_.getByRole('button', { name: 'Cancel' }).click();
    await screenshot(console_, 'settings-saved-replies');
  });

  it('the shopper’s first message gets the automatic response at once, under the store’s name', async () => {
    await shopper.goto(`${store.url}/?lang=fr`);
    await shopper.locator('#comptoir-widget button.launcher').click();
    const chat = shopper.frameLocator('#comptoir-widget iframe');
    await chat.getByLabel('Votre message').fill('Bonjour, livrez-vous en Belgique ?');
    await chat.getByLabel('Votre message').press('Enter');
    const automatic = chat.locator('li.message.operator', { hasText: 'Merci pour votre message' });
    await automatic.waitFor(WAIT);
    expect(await automatic.locator('.meta').innerText()).toContain('Maison Lumière');
  });

  it('the operator inserts a saved reply with the keyboard alone and sends it', async () => {
    await console_.getByRole('link', { name: 'Inbox' }).click();
    await console_
      .getByRole('complementary', { name: 'Conversations' })
      .getByRole('button', { name: /Visitor \d+/ })
      .first()
      .click();
    const reply = console_.getByLabel('Reply', { exact: true });
    await reply.waitFor(WAIT);
    await reply.fill('Bonjour !');
    await reply.press('Alt+KeyR');
    const search = console_.getByRole('combobox', { name: 'Search saved replies' });
    await search.waitFor(WAIT);
    await expect
      .poll(() => search.evaluate((el) => el === document.activeElement), WAIT)
      .toBe(true);
    await console_.keyboard.type('belg');
    await console_.getByRole('option', { name: /Delivery to Belgium/ }).waitFor(WAIT);
    await screenshot(console_, 'composer-saved-replies');
    await console_.keyboard.press('Enter');
    await expect
      .poll(() => reply.inputValue(), WAIT)
      .toBe('Bonjour ! Delivery to Belgium takes 3 working days and is free from €80.');
    await expect.poll(() => reply.evaluate((el) => el === document.activeElement), WAIT).toBe(true);
    await console_.keyboard.press('Enter');

    const chat = shopper.frameLocator('#comptoir-widget iframe');
    const answer = chat.locator('li.message.operator', { hasText: 'free from €80' });
    await answer.waitFor(WAIT);
    expect(await answer.locator('.meta').innerText()).toContain('Camille');
  });
});
