/**
 * "Where is my order?" in the widget on the demo store: the shopper opens the chat, asks from
 * the quick action, gets the status and the tracking link of a seeded shipped order, and a
 * wrong email gets the neutral refusal. With nobody online, the same button sits above the
 * contact form, in the shopper's language.
 */
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoStore } from '../../scripts/lib/demo-store-server.mjs';
import { DEMO_SHIPPED_ORDER, seedOrders } from '../../scripts/lib/seed.mjs';
import { describeViolations, seriousViolations } from '../support/axe';
import { launchBrowser, screenshot } from '../support/browser';
import { WAIT } from '../support/console';
import { call, closeClients, eventually, HOSTING, openStore } from '../support/emulators';

describe('order lookup in the widget', () => {
  let storeId: string;
  let operator: Awaited<ReturnType<typeof openStore>>['operator'];
  let browser: Browser;
  let store: { url: string; close(): Promise<void> };
  let shopper: Page;
  const chat = (): FrameLocator => shopper.frameLocator('#comptoir-widget iframe');

  beforeAll(async () => {
    ({ storeId, operator } = await openStore('orders-e2e'));
    await seedOrders(storeId);
    store = await startDemoStore({ widgetOrigin: HOSTING, storeId, port: 5098 });
    browser = await launchBrowser();
    shopper = await (
      await browser.newContext({ viewport: { width: 1280, height: 860 } })
    ).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await store?.close();
    await closeClients();
  });

  async function openLookup() {
    await shopper.locator('#comptoir-widget button.launcher').click();
    const entry = chat().getByRole('button', { name: /Where is my order\?|Où en est ma commande/ });
    await entry.click();
    const card = chat().getByRole('region', { name: /Where is my order\?|Où en est ma commande/ });
    await card.waitFor(WAIT);
    expect(await entry.getAttribute('aria-expanded')).toBe('true');
    return card;
  }

  it('a shopper finds their shipped order: status, date and a tracking link in a new tab', async () => {
    await shopper.goto(`${store.url}/`);
    const card = await openLookup();
    // Focus lands in the form: the keyboard alone can fill it.
    await expect
      .poll(() => chat().locator(':focus').getAttribute('id'), WAIT)
      .toBe('order-lookup-number');

    // Empty fields are named before anything is sent.
    await card.getByRole('button', { name: 'Find my order' }).click();
    await card.getByText('Enter your order number, as in your confirmation email.').waitFor(WAIT);

    await card.getByLabel('Order number').fill(`#${DEMO_SHIPPED_ORDER.number.toLowerCase()}`);
    await card.getByLabel('Email used for the order').fill(DEMO_SHIPPED_ORDER.email.toUpperCase());
    await screenshot(shopper, 'widget-order-lookup-form');
    await card.getByLabel('Email used for the order').press('Enter');

    const result = card.getByRole('status');
    await result.getByText('Shipped').waitFor(WAIT);
    expect(await result.textContent()).toContain(`Order ${DEMO_SHIPPED_ORDER.number}`);
    expect(await result.innerText()).toContain('Your parcel is on its way.');
    expect(await result.innerText()).toMatch(/Updated \w+ \d{1,2}, \d{4}/);
    const track = result.getByRole('link', { name: /Track with DPD/ });
    expect(await track.getAttribute('href')).toBe(
      'https://www.dpd.com/fr/fr/suivi-colis/?parcelNumber=250117890043',
    );
    expect(await track.getAttribute('target')).toBe('_blank');
    expect(await track.getAttribute('rel')).toContain('noopener');
    // Screen readers hear that it opens a new tab; the text is hidden from sight (1 px).
    expect(await track.getAttribute('href')).toBeTruthy();
    await result.getByRole('link', { name: 'Track with DPD (opens in a new tab)' }).waitFor(WAIT);
    expect((await track.locator('.order-new-tab').boundingBox())?.width).toBeLessThanOrEqual(1);
    await screenshot(shopper, 'widget-order-lookup-shipped');

    const violations = await seriousViolations(
      shopper.frames().find((f) => f.url().includes('/widget/chat.html'))!,
      { include: '#order-lookup' },
    );
    expect(violations, describeViolations(violations)).toEqual([]);
  });

  it('a wrong email gets the neutral refusal; Escape closes the card and not the chat', async () => {
    const card = chat().getByRole('region', { name: 'Where is my order?' });
    await card.getByRole('button', { name: 'Look up another order' }).click();
    await card.getByLabel('Order number').fill(DEMO_SHIPPED_ORDER.number);
    await card.getByLabel('Email used for the order').fill('someone.else@example.com');
    await card.getByRole('button', { name: 'Find my order' }).click();
    await card
      .getByRole('alert')
      .getByText('We could not find an order with that number and email.')
      .waitFor(WAIT);
    await screenshot(shopper, 'widget-order-lookup-not-found');

    await card.getByLabel('Order number').press('Escape');
    await card.waitFor({ state: 'detached', ...WAIT });
    // The chat is still open, and focus went back to the button that opened the card.
    await chat().getByLabel('Your message').waitFor(WAIT);
    await expect.poll(() => chat().locator(':focus').innerText(), WAIT).toBe('Where is my order?');
  });

  it('with nobody online, the contact form offers it too, in French', async () => {
    await call(operator, 'setOperatorStatus', { storeId, online: false });
    // The availability endpoint caches its answer for 10 s.
    await eventually(
      async () =>
        (
          (await (await fetch(`${HOSTING}/api/availability?store=${storeId}`)).json()) as {
            status: string;
          }
        ).status,
      (status) => status === 'offline',
      { timeoutMs: 20_000, intervalMs: 1000 },
    );
    const page = await (
      await browser.newContext({ viewport: { width: 1280, height: 860 } })
    ).newPage();
    shopper = page;
    await page.goto(`${store.url}/?lang=fr`);
    const card = await openLookup();
    await chat().getByRole('heading', { name: 'Laissez-nous un message' }).waitFor(WAIT);
    await card.getByLabel('Numéro de commande').fill('ml-1042');
    await card.getByLabel('E-mail utilisé pour la commande').fill(DEMO_SHIPPED_ORDER.email);
    await screenshot(page, 'widget-order-lookup-form-fr');
    await card.getByRole('button', { name: 'Trouver ma commande' }).click();
    const result = card.getByRole('status');
    await result.getByText('Livrée').waitFor(WAIT);
    expect(await result.textContent()).toContain('Commande ML-1042');
    expect(await result.innerText()).toContain('Votre colis a été livré.');
    expect(await result.getByRole('link', { name: /Suivre avec Colissimo/ }).count()).toBe(1);
    await screenshot(page, 'widget-order-lookup-delivered-fr');
  });
});
