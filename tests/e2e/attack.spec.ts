/**
 * The attack suite, browser part: script injection in every text a shopper or a merchant can
 * enter, seeded at once, then rendered by the widget (on the store page) and the console in
 * Chromium. Each payload would set `window.__pwned` and create an element with an id starting
 * `pwn-` if it ran or were parsed as HTML; each must instead appear as the literal text typed.
 */
import { createHmac } from 'node:crypto';
import { FieldValue, getFirestore, Timestamp } from 'firebase-admin/firestore';
import { addDoc, collection, serverTimestamp } from 'firebase/firestore';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationsPath, discountPath, messagesPath, savedRepliesPath } from '@comptoir/core';
import { startDemoStore } from '../../scripts/lib/demo-store-server.mjs';
import { DEMO_WIDGET, identitySecretOf, seedMerchant, seedStore } from '../../scripts/lib/seed.mjs';
import { launchBrowser, screenshot } from '../support/browser';
import { setOnline, signIn, WAIT } from '../support/console';
import {
  call,
  HOSTING,
  merchantFor,
  operatorClient,
  shopperClient,
  uniqueStoreId,
  type Client,
} from '../support/emulators';

/** An image whose error handler would flag the page, tagged with where it was entered. */
const img = (tag: string) => `<img src=x id=pwn-${tag} onerror=__pwned='${tag}'>`;
const script = (tag: string) => `<script id=pwn-${tag}-s>__pwned='${tag}-s'</script>`;
const link = (tag: string) => `<a id=pwn-${tag}-a href="javascript:__pwned='${tag}-a'">x</a>`;

/** Every text a merchant or a shopper can enter, each with its own payload. */
const P = {
  header: img('header'),
  welcome: `${img('welcome')} ${script('welcome')}`,
  offlineHeader: img('offline-header'),
  offlineWelcome: `${img('offline-welcome')} ${link('offline-welcome')}`,
  operatorName: img('operator'),
  reply: `${img('reply')} javascript:__pwned='reply-url' ${link('reply')}`,
  message: `${img('message')} ${script('message')} javascript:__pwned='message-url'`,
  customerName: img('customer'),
  contactName: img('contact'),
  // Cart lines show names shorter than 41 characters (CART_NAME_MAX_SHOWN).
  cartItem: `<img src=x id=pwn-c onerror=__pwned='c'>`,
  discountCode: img('discount'),
  savedTitle: img('saved-title'),
  savedText: `${img('saved-text')} ${link('saved-text')}`,
  offlineFirstName: img('first-name'),
  offlineMessage: `${img('offline-message')} ${script('offline-message')}`,
};

/** Fails unless nothing of the payloads ran or became an element in this frame. */
async function expectInert(frame: Page | Frame, where: string) {
  const state = await frame.evaluate(() => ({
    pwned: (window as { __pwned?: unknown }).__pwned ?? null,
    injected: [...document.querySelectorAll('[id^="pwn-"]')].map((e) => e.id),
    javascriptLinks: [...document.querySelectorAll('a[href], area[href], iframe[src]')].filter(
      (e) => /^\s*javascript:/i.test(e.getAttribute('href') ?? e.getAttribute('src') ?? ''),
    ).length,
  }));
  expect(state, where).toEqual({ pwned: null, injected: [], javascriptLinks: 0 });
}

/** Every frame of the page (the store page and its chat iframe; the console and its preview). */
async function expectPageInert(page: Page, where: string) {
  for (const frame of page.frames()) await expectInert(frame, `${where} (${frame.url()})`);
}

/** The payload is shown, as text, somewhere in the frame. */
async function expectLiteral(frame: Page | Frame, text: string) {
  await frame.getByText(text).filter({ visible: true }).first().waitFor(WAIT);
}

describe('attack: script injection in shopper and merchant texts', () => {
  const storeId = uniqueStoreId('attack-xss');
  const merchant = merchantFor(storeId, P.operatorName);
  let browser: Browser;
  let store: { url: string; close(): Promise<void> };
  let consolePage: Page;
  let shopperPage: Page;
  let operator: Client & { uid: string };
  let conversationId: string;

  beforeAll(async () => {
    await seedStore(storeId, {
      ...DEMO_WIDGET,
      texts: { ...DEMO_WIDGET.texts, en: { header: P.header, welcome: P.welcome } },
      offlineForm: {
        ...DEMO_WIDGET.offlineForm,
        texts: {
          ...DEMO_WIDGET.offlineForm.texts,
          en: { header: P.offlineHeader, welcome: P.offlineWelcome },
        },
      },
    });
    await seedMerchant(storeId, merchant);
    operator = await operatorClient(merchant);
    // The admin app exists once the seed has run.
    const db = getFirestore();
    await Promise.all([
      db.collection(savedRepliesPath(storeId)).add({
        title: P.savedTitle,
        text: P.savedText,
        updatedAt: Timestamp.now(),
      }),
      db.doc(discountPath(storeId, P.discountCode)).set({
        code: P.discountCode,
        kind: 'percentage',
        value: 10,
        currency: 'EUR',
        startsAt: null,
        endsAt: null,
        usageLimit: null,
        usageCount: 0,
        minimumSubtotal: null,
        active: true,
        createdAt: Timestamp.now(),
        updatedAt: Timestamp.now(),
      }),
    ]);
    // The contact form, as a shopper sends it while nobody is online.
    const offlineShopper = await shopperClient();
    await call(offlineShopper, 'submitOfflineMessage', {
      storeId,
      fields: {
        firstName: P.offlineFirstName,
        email: 'lea@example.com',
        message: P.offlineMessage,
      },
    });
    await offlineShopper.close();

    store = await startDemoStore({ widgetOrigin: HOSTING, storeId, port: 5097 });
    browser = await launchBrowser();
    consolePage = await (
      await browser.newContext({ viewport: { width: 1440, height: 900 } })
    ).newPage();
    shopperPage = await (
      await browser.newContext({ viewport: { width: 1280, height: 800 } })
    ).newPage();
    await signIn(consolePage, merchant);
    await setOnline(consolePage, true);
  });

  afterAll(async () => {
    await browser?.close();
    await store?.close();
    await operator?.close();
  });

  it('the widget shows every hostile text as text and runs none of it', async () => {
    await shopperPage.goto(`${store.url}/`);
    await shopperPage.locator('#comptoir-widget button.launcher').click();
    const chat = shopperPage.frameLocator('#comptoir-widget iframe');
    await chat.getByLabel('Your message').fill(P.message);
    await chat.getByLabel('Your message').press('Enter');
    await chat.locator('li.message.shopper', { hasText: P.message }).waitFor(WAIT);

    // The store's page passes on a customer and a cart with hostile names.
    const secret = await identitySecretOf(storeId);
    const signature = createHmac('sha256', secret).update('cust-xss').digest('hex');
    await shopperPage.evaluate(
      ({ name, signature, item }) =>
        Promise.all([
          window.Comptoir!.identify({ id: 'cust-xss', name, signature }),
          window.Comptoir!.cart({
            items: [{ id: 'lamp', name: item, variant: null, quantity: 1, unitPrice: 10 }],
            subtotal: 10,
            currency: 'EUR',
          }),
        ]),
      { name: P.customerName, signature, item: P.cartItem },
    );

    const conversations = await getFirestore().collection(conversationsPath(storeId)).get();
    expect(conversations.size).toBe(1);
    const conversation = conversations.docs[0]!;
    conversationId = conversation.id;
    // The operator's reply under a hostile name, and a discount card with a hostile code.
    const messages = messagesPath(storeId, conversationId);
    await addDoc(collection(operator.db, messages), {
      author: 'operator',
      authorUid: operator.uid,
      authorName: P.operatorName,
      text: P.reply,
      createdAt: serverTimestamp(),
    });
    await getFirestore()
      .collection(messages)
      .add({
        author: 'operator',
        authorUid: operator.uid,
        authorName: P.operatorName,
        text: `Discount code ${P.discountCode}: 10 % off`,
        discount: {
          code: P.discountCode,
          kind: 'percentage',
          value: 10,
          currency: 'EUR',
          minimumSubtotal: null,
          endsAt: null,
        },
        createdAt: FieldValue.serverTimestamp(),
      });

    await chat.locator('li.message.operator', { hasText: P.reply }).waitFor(WAIT);
    const frame = shopperPage.frame({ url: /\/widget\// })!;
    for (const text of [P.header, P.welcome, P.message, P.reply, P.operatorName, P.discountCode]) {
      await expectLiteral(frame, text);
    }
    await screenshot(shopperPage, 'attack-widget');
    await expectPageInert(shopperPage, 'store page with the chat');
  });

  it('the console shows every hostile text as text and runs none of it', async () => {
    await consolePage.goto(`${HOSTING}/conversations/${conversationId}`);
    for (const text of [
      P.message,
      P.reply,
      P.operatorName,
      P.customerName,
      P.cartItem,
      P.discountCode,
    ]) {
      await expectLiteral(consolePage, text);
    }
    await screenshot(consolePage, 'attack-console-conversation');
    await expectPageInert(consolePage, 'console conversation');

    // A guest leaves their email under a hostile name (the console shows it for guests).
    const guest = await shopperClient();
    const { conversationId: guestChat } = await call<{ conversationId: string }>(
      guest,
      'startConversation',
      { storeId },
    );
    await call(guest, 'setShopperContact', {
      storeId,
      email: 'lea@example.com',
      name: P.contactName,
    });
    await guest.close();
    await consolePage.goto(`${HOSTING}/conversations/${guestChat}`);
    await expectLiteral(consolePage, P.contactName);
    await expectPageInert(consolePage, 'console guest conversation');

    const pages: [string, string[]][] = [
      ['/messages', [P.offlineFirstName, P.offlineMessage]],
      ['/team', [P.operatorName]],
      ['/discounts', [P.discountCode]],
      ['/settings', [P.savedTitle, P.savedText]],
    ];
    for (const [path, texts] of pages) {
      await consolePage.goto(`${HOSTING}${path}`);
      for (const text of texts) await expectLiteral(consolePage, text);
      await screenshot(consolePage, `attack-console${path.replace('/', '-')}`);
      await expectPageInert(consolePage, `console ${path}`);
    }
    // The Settings page's live preview runs the real chat app with the hostile texts.
    await expect
      .poll(async () => {
        const frames = consolePage.frames().filter((f) => f !== consolePage.mainFrame());
        const counts = await Promise.all(frames.map((f) => f.getByText(P.header).count()));
        return counts.some((n) => n > 0);
      }, WAIT)
      .toBe(true);
    await expectPageInert(consolePage, 'console settings preview');
  });

  it('the contact form shows the hostile offline texts as text and runs none of them', async () => {
    // Nobody online: the console closes and its operator switches offline.
    await consolePage.context().close();
    await call(operator, 'setOperatorStatus', { storeId, online: false });
    // The availability endpoint caches its answer for a few seconds.
    await expect
      .poll(
        async () =>
          (
            (await (await fetch(`${HOSTING}/api/availability?store=${storeId}`)).json()) as {
              status: string;
            }
          ).status,
        { timeout: 30000, interval: 1000 },
      )
      .not.toBe('online');
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${store.url}/`);
    await page.locator('#comptoir-widget button.launcher').click();
    await expect.poll(() => Boolean(page.frame({ url: /\/widget\// })), WAIT).toBe(true);
    const frame = page.frame({ url: /\/widget\// })!;
    await expectLiteral(frame, P.offlineHeader);
    await expectLiteral(frame, P.offlineWelcome);
    await screenshot(page, 'attack-contact-form');
    await expectPageInert(page, 'store page with the contact form');
  });
});
