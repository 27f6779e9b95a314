import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addDoc, collection, serverTimestamp } from 'firebase/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messagesPath } from '@comptoir/core';
import { seedMerchant, seedStore } from '../../scripts/lib/seed.mjs';
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

// What the page played and showed, recorded around the real browser APIs (the chimes are
// real Web Audio oscillators, the notifications real Notification objects).
declare global {
  interface Window {
    __tones: number[];
    __notifications: { title: string; body?: string }[];
  }
}

const CONVERSATION_CHIME = [587.33, 880];
const MESSAGE_CHIME = [698.46];

describe('alerts: sounds and desktop notifications', () => {
  const storeId = uniqueStoreId('alerts');
  const merchant = merchantFor(storeId, 'Camille');
  let browser: Browser;
  let context: BrowserContext;
  let console_: Page;
  let shopper: Client & { uid: string };
  let conversationId: string;

  const tones = () => console_.evaluate(() => window.__tones.map((t) => Math.round(t * 100) / 100));
  const say = (text: string) =>
    addDoc(collection(shopper.db, messagesPath(storeId, conversationId)), {
      author: 'shopper',
      authorUid: shopper.uid,
      text,
      createdAt: serverTimestamp(),
    });
  const previewShows = (text: string) =>
    console_.getByRole('complementary', { name: 'Conversations' }).getByText(text).waitFor(WAIT);

  beforeAll(async () => {
    await seedStore(storeId);
    await seedMerchant(storeId, merchant);
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.grantPermissions(['notifications'], { origin: HOSTING });
    await context.addInitScript(() => {
      window.__tones = [];
      window.__notifications = [];
      const start = OscillatorNode.prototype.start;
      OscillatorNode.prototype.start = function (this: OscillatorNode, ...args) {
        window.__tones.push(this.frequency.value);
        return start.apply(this, args);
      };
      const Real = window.Notification;
      window.Notification = new Proxy(Real, {
        construct(target, args: [string, NotificationOptions?]) {
          window.__notifications.push({ title: args[0], body: args[1]?.body });
          return Reflect.construct(target, args) as Notification;
        },
      });
    });
    console_ = await context.newPage();
    shopper = await shopperClient();
    await signIn(console_, merchant);
    // The switch is the operator's first click: from then on the page may play sound.
    await setOnline(console_, true);
  });

  afterAll(async () => {
    await shopper?.close();
    await browser?.close();
  });

  it('a new conversation plays the rising chime, and a new message the short one', async () => {
    ({ conversationId } = await call<{ conversationId: string }>(shopper, 'startConversation', {
      storeId,
    }));
    await say('Hello, anyone there?');
    await previewShows('Hello, anyone there?');
    await expect.poll(tones, WAIT).toEqual(CONVERSATION_CHIME);
    await say('I have a question about sizes.');
    await previewShows('I have a question about sizes.');
    await expect.poll(tones, WAIT).toEqual([...CONVERSATION_CHIME, ...MESSAGE_CHIME]);
  });

  it('no chime for a message in the conversation the operator is looking at', async () => {
    await console_.getByTestId('conversation-item').click();
    await console_.getByTestId('chat-window').waitFor(WAIT);
    const before = (await tones()).length;
    await say('Size 38, please.');
    await console_.getByTestId('chat-window').getByText('Size 38, please.').waitFor(WAIT);
    // The recap's preview comes from the same update that would ring.
    await previewShows('Size 38, please.');
    expect((await tones()).length).toBe(before);
    await console_.getByTestId('chat-window').getByRole('button', { name: /^Hide/ }).click();
  });

  it('with sounds turned off in Settings, messages arrive silently', async () => {
    await console_.getByRole('link', { name: 'Settings' }).click();
    const sounds = console_.getByRole('checkbox', { name: /Play sounds/ });
    await sounds.uncheck();
    await screenshot(console_, 'console-alert-settings');
    await console_.getByRole('link', { name: 'Inbox' }).click();
    const before = (await tones()).length;
    await say('Are you still there?');
    await previewShows('Are you still there?');
    expect((await tones()).length).toBe(before);
    // The choice belongs to this browser and survives a reload.
    await console_.reload();
    await console_.getByRole('link', { name: 'Settings' }).click();
    expect(await console_.getByRole('checkbox', { name: /Play sounds/ }).isChecked()).toBe(false);
  });

  it('desktop notifications, once allowed, show while the tab is in the background', async () => {
    await console_.getByRole('checkbox', { name: /Desktop notifications/ }).check();
    await console_.getByRole('link', { name: 'Inbox' }).click();
    // Another tab in front: the page is hidden.
    await console_.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await say('Hello? I will order tonight.');
    await expect
      .poll(() => console_.evaluate(() => window.__notifications), WAIT)
      .toEqual([
        { title: expect.stringMatching(/^Visitor \d+$/), body: 'Hello? I will order tonight.' },
      ]);
    // The tab title counts what waits, for when the operator looks at the tab bar.
    expect(await console_.title()).toMatch(/^\(\d+\) Comptoir/);
  });
});
