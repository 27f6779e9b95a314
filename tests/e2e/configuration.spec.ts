import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoStore } from '../../scripts/lib/demo-store-server.mjs';
import { DEMO_WIDGET, seedMerchant, seedStore } from '../../scripts/lib/seed.mjs';
import { launchBrowser, screenshot } from '../support/browser';
import { setOnline, signIn, WAIT } from '../support/console';
import { call, HOSTING, merchantFor, operatorClient, uniqueStoreId } from '../support/emulators';

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

const VIEWPORT = { width: 1440, height: 900 };

/** The console's preview: the stage page, then the chat app inside the launcher's panel. */
const previewStage = (page: Page) => page.frameLocator('[data-testid="widget-preview"]');
const previewChat = (page: Page): FrameLocator => previewStage(page).frameLocator('iframe');

const backgroundOf = (frame: FrameLocator, selector: string) =>
  frame.locator(selector).evaluate((el) => getComputedStyle(el).backgroundColor);

async function openWidget(page: Page, url: string) {
  await page.goto(url);
  const launcher = page.locator('#comptoir-widget button.launcher');
  await launcher.waitFor(WAIT);
  await launcher.click();
  return page.frameLocator('#comptoir-widget iframe');
}

async function storeWithMerchant(prefix: string, widget = DEMO_WIDGET) {
  const storeId = uniqueStoreId(prefix);
  await seedStore(storeId, widget);
  const merchant = merchantFor(storeId);
  await seedMerchant(storeId, merchant);
  return { storeId, merchant };
}

describe('configuring the widget with a live preview', () => {
  let context: BrowserContext;
  let console_: Page;
  let storeId: string;
  let store: Store;

  beforeAll(async () => {
    const seeded = await storeWithMerchant('config');
    storeId = seeded.storeId;
    store = await startDemoStore({ widgetOrigin: HOSTING, storeId, port: 5085 });
    stores.push(store);
    context = await browser.newContext({ viewport: VIEWPORT });
    console_ = await context.newPage();
    await signIn(console_, seeded.merchant);
    await setOnline(console_, true);
    await console_.getByRole('link', { name: 'Settings' }).click();
    await previewChat(console_)
      .getByRole('heading', { name: 'Chat with Maison Lumière' })
      .waitFor(WAIT);
  });

  /** The preview's chat page, to check it is updated in place rather than reloaded. */
  const previewChatFrame = () => console_.frames().find((f) => f.url().includes('preview-chat'))!;

  it('colors and texts change in the preview as they are typed, with a contrast warning when text gets hard to read', async () => {
    await previewChatFrame().evaluate(
      () => ((window as { loadedOnce?: boolean }).loadedOnce = true),
    );
    await console_.getByLabel('Header (English)', { exact: true }).fill('Ask the lamp makers');
    await previewChat(console_).getByRole('heading', { name: 'Ask the lamp makers' }).waitFor(WAIT);

    await console_.getByLabel('Header background', { exact: true }).fill('#7a1f3d');
    await expect
      .poll(() => backgroundOf(previewChat(console_), '.chat-header'), WAIT)
      .toBe('rgb(122, 31, 61)');
    await console_.getByLabel("Customer's messages background", { exact: true }).fill('#7a1f3d');
    await expect
      .poll(() => backgroundOf(previewChat(console_), 'li.message.shopper .bubble'), WAIT)
      .toBe('rgb(122, 31, 61)');

    // A dark text on the dark header: the page says so, with the ratio, without refusing.
    await console_.getByLabel('Header text', { exact: true }).fill('#5a2a3a');
    await console_
      .getByText(/Hard to read: the header text has a contrast of 1\.\d+:1/)
      .waitFor(WAIT);
    await console_.getByLabel('Header text', { exact: true }).fill('#ffffff');
    await console_
      .getByText(/Hard to read: the header text/)
      .waitFor({ state: 'detached', ...WAIT });

    // The real launcher moves and recolors in the preview.
    await console_.getByRole('radio', { name: 'Bottom left' }).check();
    await console_.getByLabel('Launcher color', { exact: true }).fill('#7a1f3d');
    const launcher = previewStage(console_).locator('button.launcher');
    await expect.poll(() => launcher.getAttribute('class'), WAIT).toContain('left');
    await expect
      .poll(() => launcher.evaluate((el) => getComputedStyle(el).backgroundColor), WAIT)
      .toBe('rgb(122, 31, 61)');

    // An invalid hex is explained under the field once left, and the preview keeps going.
    const hex = console_.getByLabel('Your messages background', { exact: true });
    await hex.fill('#12');
    await hex.blur();
    await console_.getByText('Enter a hex color such as #1f6f5c.').waitFor(WAIT);
    await hex.fill('#f4ecef');
    // Every edit above restyled the same page: the widget never reloaded (no flicker).
    expect(
      await previewChatFrame().evaluate(() => (window as { loadedOnce?: boolean }).loadedOnce),
    ).toBe(true);
    await screenshot(console_, 'settings-preview');
  });

  it('the offline form has its own texts and colors, shown in the same preview', async () => {
    await console_
      .getByLabel('Form header (English)', { exact: true })
      .fill('Write to the workshop');
    await previewChat(console_)
      .getByRole('heading', { name: 'Write to the workshop' })
      .waitFor(WAIT);
    await console_.getByLabel('Form header background', { exact: true }).fill('#2b3a67');
    await expect
      .poll(() => backgroundOf(previewChat(console_), '.chat-header'), WAIT)
      .toBe('rgb(43, 58, 103)');
    await previewChat(console_).getByLabel('Email').waitFor(WAIT);
    await screenshot(console_, 'settings-preview-offline-form');
    // Back to the chat from the preview's own switch.
    await console_.getByRole('radio', { name: 'Chat' }).check();
    await previewChat(console_).getByRole('heading', { name: 'Ask the lamp makers' }).waitFor(WAIT);
  });

  it('a new language without texts is refused on Save, naming what is missing, and the page goes there', async () => {
    await console_.getByLabel('Add a language').selectOption('de');
    await console_.getByRole('button', { name: 'Add', exact: true }).click();
    await console_
      .getByRole('tablist', { name: 'Chat texts by language' })
      .getByRole('tab', { name: /German/ })
      .waitFor(WAIT);
    await console_.getByRole('button', { name: 'Save settings' }).click();
    await console_.getByRole('alert').getByText('fields need attention').waitFor(WAIT);
    await console_.getByText('Write the chat header in German.').waitFor(WAIT);
    await expect
      .poll(() => console_.evaluate(() => document.activeElement?.getAttribute('name')), WAIT)
      .toBe('texts.de.header');
    await screenshot(console_, 'settings-missing-translation');
    await console_.getByRole('button', { name: 'Remove German' }).click();
  });

  it('leaving with unsaved changes asks first', async () => {
    let asked = '';
    console_.once('dialog', (dialog) => {
      asked = dialog.message();
      void dialog.dismiss();
    });
    await console_.getByRole('link', { name: 'Inbox' }).click();
    await expect.poll(() => asked, WAIT).toMatch(/unsaved changes/);
    expect(new URL(console_.url()).pathname).toBe('/settings');
  });

  it('after Save, the store’s widget shows the new texts, colors and launcher on reload', async () => {
    await console_.getByRole('button', { name: 'Save settings' }).click();
    await console_.getByRole('status').getByText('Settings saved').waitFor(WAIT);

    const shopper = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
    // The availability answer (with the launcher) may be cached for a few seconds.
    const launcher = shopper.locator('#comptoir-widget button.launcher');
    await expect
      .poll(
        async () => {
          await shopper.goto(`${store.url}/`);
          await launcher.waitFor(WAIT);
          return launcher.evaluate((el) => [el.className, getComputedStyle(el).backgroundColor]);
        },
        { timeout: 30000, interval: 2000 },
      )
      .toEqual([expect.stringContaining('left'), 'rgb(122, 31, 61)']);
    await launcher.click();
    const chat = shopper.frameLocator('#comptoir-widget iframe');
    await chat.getByRole('heading', { name: 'Ask the lamp makers' }).waitFor(WAIT);
    expect(await backgroundOf(chat, '.chat-header')).toBe('rgb(122, 31, 61)');
    await screenshot(shopper, 'store-widget-configured');
    await shopper.close();
  });
});

describe('the widget speaks the store page’s language', () => {
  let store: Store;
  let frenchDefault: Store;

  beforeAll(async () => {
    const english = await storeWithMerchant('lang');
    const french = await storeWithMerchant('langfr', { ...DEMO_WIDGET, defaultLanguage: 'fr' });
    // An operator online (the console's switch, called directly): the launcher shows.
    for (const seeded of [english, french]) {
      const operator = await operatorClient(seeded.merchant);
      await call(operator, 'setOperatorStatus', { storeId: seeded.storeId, online: true });
      await operator.close();
    }
    store = await startDemoStore({ widgetOrigin: HOSTING, storeId: english.storeId, port: 5086 });
    frenchDefault = await startDemoStore({
      widgetOrigin: HOSTING,
      storeId: french.storeId,
      port: 5087,
    });
    stores.push(store, frenchDefault);
  });

  it('a French page gets the French texts and the French interface', async () => {
    const page = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
    const chat = await openWidget(page, `${store.url}/?lang=fr`);
    await chat.getByRole('heading', { name: 'Discutez avec Maison Lumière' }).waitFor(WAIT);
    await chat.getByText('Bonjour ! Une question sur une lampe').waitFor(WAIT);
    await chat.getByLabel('Votre message').waitFor(WAIT);
    expect(await page.locator('#comptoir-widget button.launcher').getAttribute('aria-label')).toBe(
      'Fermer la discussion',
    );
    await screenshot(page, 'store-widget-french');
    await page.close();
  });

  it('a page in a language the store does not write falls back to the store’s default, then English', async () => {
    const page = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
    const french = await openWidget(page, `${frenchDefault.url}/?lang=de`);
    await french.getByRole('heading', { name: 'Discutez avec Maison Lumière' }).waitFor(WAIT);
    await french.getByLabel('Votre message').waitFor(WAIT);

    const english = await openWidget(page, `${store.url}/?lang=de`);
    await english.getByRole('heading', { name: 'Chat with Maison Lumière' }).waitFor(WAIT);
    await english.getByLabel('Your message').waitFor(WAIT);
    await page.close();
  });
});

describe('the Install page', () => {
  it('shows the exact snippet with the store id, copies it, documents the API and links to the demo store', async () => {
    const { storeId, merchant } = await storeWithMerchant('install');
    const context = await browser.newContext({ viewport: VIEWPORT });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: HOSTING });
    const page = await context.newPage();
    await signIn(page, merchant);
    await page.getByRole('link', { name: 'Install' }).click();
    const snippet = `<script async src="${HOSTING}/widget/loader.js" data-store="${storeId}"></script>`;
    expect((await page.getByLabel('Snippet', { exact: true }).innerText()).trim()).toBe(snippet);
    await page.getByRole('button', { name: 'Copy snippet' }).click();
    await page.getByRole('status').getByText('Copied to the clipboard.').waitFor(WAIT);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);
    await page.getByText('Comptoir.identify({ id, name, email, phone, signature })').waitFor(WAIT);
    await page.getByText('comptoir:discount').waitFor(WAIT);
    expect(
      await page.getByRole('link', { name: /Try it on the demo store/ }).getAttribute('href'),
    ).toBe('http://127.0.0.1:5080/');
    await page.getByTestId('install-check').getByText('Offline').waitFor(WAIT);
    await screenshot(page, 'install-page');
    await context.close();
  });
});
