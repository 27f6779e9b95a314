import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CUSTOMER, startDemoStore } from '../../scripts/lib/demo-store-server.mjs';
import { identitySecretOf, seedMerchant, seedStore } from '../../scripts/lib/seed.mjs';
import { launchBrowser, screenshot } from '../support/browser';
import { setOnline, signIn, WAIT } from '../support/console';
import { HOSTING, merchantFor, uniqueStoreId } from '../support/emulators';

describe('signed-in customers, verified by the store’s signature', () => {
  const storeId = uniqueStoreId('ident');
  const merchant = merchantFor(storeId, 'Camille');
  let browser: Browser;
  let store: { url: string; close(): Promise<void> };

  beforeAll(async () => {
    await seedStore(storeId);
    await seedMerchant(storeId, merchant);
    store = await startDemoStore({
      widgetOrigin: HOSTING,
      storeId,
      port: 5084,
      identitySecret: await identitySecretOf(storeId),
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await store?.close();
  });

  it('the merchant sees the customer’s name, ID, email and phone when the store vouches for them', async () => {
    const console_ = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(console_, merchant);
    await setOnline(console_, true);

    const shopper = await (await browser.newContext()).newPage();
    await shopper.goto(`${store.url}/?customer=1`);
    await shopper.locator('#comptoir-widget button.launcher').click();
    const chat = shopper.frameLocator('#comptoir-widget iframe');
    await chat.getByLabel('Your message').fill('Where is my order #A-1042?');
    await chat.getByLabel('Your message').press('Enter');

    const item = console_
      .getByRole('complementary', { name: 'Conversations' })
      .getByRole('button', { name: new RegExp(DEMO_CUSTOMER.name) });
    await item.waitFor(WAIT);
    await item.click();
    const header = console_.locator('article header');
    await header.getByText(`Customer ID ${DEMO_CUSTOMER.id}`).waitFor(WAIT);
    expect(await header.innerText()).toContain(DEMO_CUSTOMER.email);
    expect(await header.innerText()).toContain(DEMO_CUSTOMER.phone);
    await screenshot(console_, 'console-verified-customer');
    await Promise.all([console_.close(), shopper.close()]);
  });

  it('a forged signature is refused with a clear code, and the shopper chats on as a guest', async () => {
    const shopper = await (await browser.newContext()).newPage();
    await shopper.goto(`${store.url}/`);
    await shopper.locator('#comptoir-widget button.launcher').click();
    const outcome = await shopper.evaluate(() =>
      window
        .Comptoir!.identify({
          id: 'cust-admin',
          name: 'Mallory',
          signature: 'ab'.repeat(32),
        })
        .then(
          () => 'accepted',
          (e: Error & { code?: string }) => `${e.code}: ${e.message}`,
        ),
    );
    expect(outcome).toMatch(/^invalid-signature: .*HMAC-SHA256/);
    const chat = shopper.frameLocator('#comptoir-widget iframe');
    await chat.getByLabel('Your message').fill('Hello?');
    await chat.getByLabel('Your message').press('Enter');
    await chat.locator('li.message.shopper', { hasText: 'Hello?' }).waitFor(WAIT);
    await shopper.close();
  });

  it('identify() tells a store developer at once when the call itself is wrong', async () => {
    const page = await browser.newPage();
    await page.goto(`${store.url}/`);
    await page.waitForFunction(() => Boolean(window.Comptoir));
    const error = await page.evaluate(() => {
      try {
        // @ts-expect-error: a store developer forgetting the signature
        window.Comptoir!.identify({ id: 'cust-1' });
        return 'no error';
      } catch (e) {
        return (e as Error).message;
      }
    });
    expect(error).toMatch(/identify\(\) takes \{ id, name, email\?, phone\?, signature \}/);
    await page.close();
  });
});
