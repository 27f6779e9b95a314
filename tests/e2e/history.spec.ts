import type { Browser, Page } from 'playwright-core';
import { getFirestore, Timestamp } from 'firebase-admin/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationPath, messagesPath } from '@comptoir/core';
import { newConversation } from '../../functions/src/domain/conversation';
import { DEMO_WIDGET, identitySecretOf, seedMerchant, seedStore } from '../../scripts/lib/seed.mjs';
import { launchBrowser, screenshot } from '../support/browser';
import { chat, conversationOf, identifyAs, type ChatStore } from '../support/chats';
import { setOnline, signIn, WAIT } from '../support/console';
import {
  call,
  merchantFor,
  operatorClient,
  shopperClient,
  uniqueStoreId,
  type Client,
} from '../support/emulators';

const ADA = {
  id: 'cust-1001',
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  phone: '+44 20 7946 0958',
};

const POLL = { timeout: 10_000 };
const clients: Client[] = [];
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await Promise.all(clients.map((c) => c.close()));
});

/** A store, its merchant, and the merchant's operator session online (as a second tab). */
async function openStore(prefix: string) {
  const storeId = uniqueStoreId(prefix);
  await seedStore(storeId, DEMO_WIDGET, { maxConcurrentChats: 10 });
  const merchant = merchantFor(storeId, 'Camille');
  await seedMerchant(storeId, merchant);
  const operator = await operatorClient(merchant);
  clients.push(operator);
  await call(operator, 'setOperatorStatus', { storeId, online: true });
  const store: ChatStore = {
    storeId,
    operator,
    operatorName: merchant.displayName,
    secret: await identitySecretOf(storeId),
  };
  return { store, merchant };
}

async function shopper() {
  const s = await shopperClient();
  clients.push(s);
  return s;
}

/** Signs in, goes offline from the top bar (this archives), then opens History. */
async function goOfflineAndOpenHistory(page: Page, merchant: ReturnType<typeof merchantFor>) {
  await signIn(page, merchant);
  await setOnline(page, true);
  await setOnline(page, false);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'History' })
    .click();
  await page.getByRole('heading', { name: 'History', level: 1 }).waitFor(WAIT);
}

const rows = (page: Page) => page.getByTestId('history-row');
/** The row whose name is exactly `name` ("Visitor 2" is not "Visitor 23"). */
const rowOf = (page: Page, name: string) =>
  rows(page).filter({ has: page.getByText(name, { exact: true }) });

/** Searches, then waits until the results are the new ones. */
async function search(page: Page, text: string) {
  await page.getByLabel('Search the history').fill(text);
  await page.getByLabel('Search the history').press('Enter');
  await page.locator('[data-testid="history-results"][aria-busy="false"]').waitFor(WAIT);
}

describe('the History page', () => {
  it('finished conversations appear when the merchant goes offline; search, view and delete them', async () => {
    const { store, merchant } = await openStore('hist');
    const ada = await shopper();
    await identifyAs(store, ada, ADA);
    const adaFirst = await chat(store, ada, ['My order #A-1042 has not arrived']);
    // Back later on another device (the same browser would reopen the finished chat).
    const adaAgain = await shopper();
    await identifyAs(store, adaAgain, ADA);
    const adaSecond = await chat(store, adaAgain, ['It arrived today, thank you'], {
      reply: 'Wonderful, enjoy the lamp!',
    });
    const lamp = await chat(store, await shopper(), ['Is the brass lamp still in stock?']);
    const doomed = await chat(store, await shopper(), ['Please forget everything I said']);
    const doomedGuest = (await conversationOf(store.storeId, doomed))!.shopper.displayName;
    const lampGuest = (await conversationOf(store.storeId, lamp))!.shopper.displayName;

    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    await goOfflineAndOpenHistory(page, merchant);

    // Newest last message first: the guest who wrote last heads the list.
    await rows(page).nth(2).waitFor(WAIT);
    expect(await rows(page).count()).toBe(3);
    expect(await rows(page).first().innerText()).toContain(doomedGuest);
    const adaRow = rowOf(page, 'Ada Lovelace');
    const adaText = await adaRow.innerText();
    expect(adaText).toContain(`Customer ID ${ADA.id}`);
    expect(adaText).toContain(ADA.email);
    expect(adaText).toContain(ADA.phone);
    expect(adaText).toContain('It arrived today, thank you');
    expect(adaText).toContain('2 chats');
    const lampText = await rowOf(page, lampGuest).innerText();
    expect(lampText).toContain('Is the brass lamp still in stock?');
    expect(lampText).not.toContain('@');
    await screenshot(page, 'history-page');

    // Sorted by name, A to Z: Ada before the visitors.
    await page.getByRole('button', { name: 'Customer', exact: true }).click();
    await rows(page).first().filter({ hasText: 'Ada Lovelace' }).waitFor(WAIT);

    // Search by name, by email and by a word of the messages.
    await search(page, 'lovelace');
    await expect.poll(() => rows(page).count(), POLL).toBe(1);
    await rowOf(page, 'Ada Lovelace').waitFor(WAIT);
    await search(page, 'ada@example.com');
    await expect.poll(() => rows(page).count(), POLL).toBe(1);
    await rowOf(page, 'Ada Lovelace').waitFor(WAIT);
    await search(page, 'Lamp');
    // "lamp" is in the lamp guest's question and in the reply to Ada's second chat.
    await expect.poll(() => rows(page).count(), POLL).toBe(2);
    await rowOf(page, lampGuest).waitFor(WAIT);
    await screenshot(page, 'history-search');
    await search(page, 'nothing-like-this');
    await page.getByText('No conversations match “nothing-like-this”.').waitFor(WAIT);
    await search(page, '');
    await expect.poll(() => rows(page).count(), POLL).toBe(3);

    // View: Ada's two conversations, one below the other, the newest last.
    const view = rowOf(page, 'Ada Lovelace').getByRole('button', { name: /View/ });
    await view.click();
    const dialog = page.getByRole('dialog', { name: 'Ada Lovelace' });
    await dialog.waitFor(WAIT);
    await dialog.getByTestId('history-message').first().waitFor(WAIT);
    const conversations = dialog.getByTestId('history-conversation');
    expect(await conversations.count()).toBe(2);
    expect(await conversations.nth(0).innerText()).toContain('My order #A-1042 has not arrived');
    expect(await conversations.nth(1).innerText()).toContain('It arrived today, thank you');
    expect(await conversations.nth(1).innerText()).toContain('Wonderful, enjoy the lamp!');
    expect(await dialog.getByTestId('history-message').allInnerTexts()).toHaveLength(4);
    // Focus is inside the dialog; Esc closes it and gives focus back to "View".
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    await screenshot(page, 'history-view-dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached', ...WAIT });
    await expect.poll(() => view.evaluate((b) => b === document.activeElement), POLL).toBe(true);

    // Delete one row after confirming: it and its conversation's messages are gone.
    await rowOf(page, doomedGuest).getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Delete…' }).click();
    const confirm = page.getByRole('alertdialog', {
      name: `Delete the history of ${doomedGuest}?`,
    });
    await confirm.waitFor(WAIT);
    await screenshot(page, 'history-delete-confirm');
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await confirm.waitFor({ state: 'detached', ...WAIT });
    await rowOf(page, doomedGuest).waitFor({ state: 'detached', ...WAIT });
    await page.getByText('Deleted 1 conversation and its messages.').waitFor(WAIT);
    expect(await rows(page).count()).toBe(2);
    expect(await conversationOf(store.storeId, doomed)).toBeUndefined();
    const left = await getFirestore().collection(messagesPath(store.storeId, doomed)).get();
    expect(left.size).toBe(0);
    // The others keep theirs.
    expect((await conversationOf(store.storeId, adaFirst))?.status).toBe('archived');
    expect((await conversationOf(store.storeId, adaSecond))?.status).toBe('archived');
    await screenshot(page, 'history-after-delete');
    await page.close();
  });

  it('pages through a long history 20 rows at a time, forward and back', async () => {
    const { store, merchant } = await openStore('hist-pages');
    // 23 finished guest chats, written directly: only the paging is under test here.
    const db = getFirestore();
    const base = Date.now() - 60 * 60 * 1000;
    for (let i = 1; i <= 23; i++) {
      const ref = db.collection(`stores/${store.storeId}/conversations`).doc();
      const at = Timestamp.fromMillis(base + i * 60_000);
      await ref.set({
        ...newConversation(`uid-${i}`, i, 'en', at),
        status: 'finished',
        lastMessage: { text: `Question ${i}`, author: 'shopper' },
        lastMessageAt: at,
        lastMessageId: 'm1',
        endedAt: at,
        endedReason: 'operator',
      });
      await db
        .doc(`${messagesPath(store.storeId, ref.id)}/m1`)
        .set({ author: 'shopper', authorUid: `uid-${i}`, text: `Question ${i}`, createdAt: at });
      expect((await db.doc(conversationPath(store.storeId, ref.id)).get()).exists).toBe(true);
    }

    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    await goOfflineAndOpenHistory(page, merchant);
    await rows(page).nth(19).waitFor(WAIT);
    expect(await rows(page).count()).toBe(20);
    expect(await rows(page).first().innerText()).toContain('Visitor 23');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Page 2').waitFor(WAIT);
    await rowOf(page, 'Visitor 3').waitFor(WAIT);
    expect(await rows(page).allInnerTexts()).toHaveLength(3);
    expect(await page.getByRole('button', { name: 'Next' }).isDisabled()).toBe(true);
    await screenshot(page, 'history-page-2');
    // Narrow screens scroll the table sideways rather than squeeze it.
    await page.setViewportSize({ width: 420, height: 860 });
    await screenshot(page, 'history-page-2-narrow');
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.getByRole('button', { name: 'Previous' }).click();
    await page.getByText('Page 1').waitFor(WAIT);
    await rowOf(page, 'Visitor 23').waitFor(WAIT);
    expect(await rows(page).count()).toBe(20);
    await page.close();
  });

  it('a store with nothing archived yet says where history comes from', async () => {
    const { merchant } = await openStore('hist-empty');
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    await goOfflineAndOpenHistory(page, merchant);
    await page.getByText('No archived conversations yet.').waitFor(WAIT);
    expect(await rows(page).count()).toBe(0);
    await screenshot(page, 'history-empty');
    await page.close();
  });
});
