import {
  call,
  merchantFor,
  operatorClient,
  refusal,
  shopperClient,
  uniqueStoreId,
  webClient,
  type Client,
} from '../support/emulators';
// After the emulator settings above: the archive runs here, in-process, with test knobs.
import { archiveFinished } from '../../functions/src/archive/archiveFinished';
import { customerHistoryRowId } from '../../functions/src/domain/history';
import { getFirestore } from 'firebase-admin/firestore';
import { afterAll, describe, expect, it } from 'vitest';
import {
  conversationsPath,
  guestHistoryRowId,
  historyPath,
  messagesPath,
  type Conversation,
  type HistoryRow,
} from '@comptoir/core';
import { DEMO_WIDGET, identitySecretOf, seedMerchant, seedStore } from '../../scripts/lib/seed.mjs';
import { chat as chatAs, conversationOf, identifyAs, type ChatStore } from '../support/chats';

const clients: Client[] = [];
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
});

const admin = () => getFirestore();

/** A store with its operator online and room for many chats. */
async function openStore(prefix: string): Promise<ChatStore> {
  const storeId = uniqueStoreId(prefix);
  await seedStore(storeId, DEMO_WIDGET, { maxConcurrentChats: 20 });
  const merchant = merchantFor(storeId);
  await seedMerchant(storeId, merchant);
  const operator = await operatorClient(merchant);
  clients.push(operator);
  await call(operator, 'setOperatorStatus', { storeId, online: true });
  return {
    storeId,
    operator,
    operatorName: merchant.displayName,
    secret: await identitySecretOf(storeId),
  };
}

type Store = ChatStore;

async function shopper() {
  const s = await shopperClient();
  clients.push(s);
  return s;
}

const identify = (store: Store, s: Client, id: string, name: string, email: string) =>
  identifyAs(store, s, { id, name, email, phone: '+33 1 23 45 67 89' });

const conversation = conversationOf;

/**
 * The same customer again, on another device: a new anonymous shopper identified by the
 * store. (The same browser would reopen its finished conversation rather than start one.)
 */
async function onAnotherDevice(store: Store, id: string, email: string) {
  const s = await shopper();
  await identify(store, s, id, 'Ada Lovelace', email);
  return s;
}

const chat = (store: Store, s: Client & { uid: string }, texts: string[], end = true) =>
  chatAs(store, s, texts, { end });

const goOffline = (store: Store) =>
  call<{ status: string }>(store.operator, 'setOperatorStatus', {
    storeId: store.storeId,
    online: false,
  });

async function rows(storeId: string) {
  const snapshot = await admin().collection(historyPath(storeId)).get();
  return new Map(snapshot.docs.map((d) => [d.id, d.data() as HistoryRow]));
}

async function statuses(storeId: string) {
  const snapshot = await admin().collection(conversationsPath(storeId)).get();
  return new Map(snapshot.docs.map((d) => [d.id, (d.data() as Conversation).status]));
}

const messageCount = async (storeId: string, conversationId: string) =>
  (await admin().collection(messagesPath(storeId, conversationId)).get()).size;

describe('archiving on going offline', () => {
  it('an operator going offline archives finished conversations into history and leaves ongoing ones alone', async () => {
    const store = await openStore('arch-offline');
    const guest = await chat(store, await shopper(), ['Is the brass lamp still in stock?']);
    const ongoing = await chat(store, await shopper(), ['Still thinking'], false);

    expect(await goOffline(store)).toEqual({ status: 'offline' });

    const archived = await conversation(store.storeId, guest);
    expect(archived?.status).toBe('archived');
    expect(archived?.archivedAt?.toMillis()).toBeGreaterThan(0);
    expect((await conversation(store.storeId, ongoing))?.status).toBe('ongoing');

    const history = await rows(store.storeId);
    expect([...history.keys()]).toEqual([guestHistoryRowId(guest)]);
    const row = history.get(guestHistoryRowId(guest))!;
    expect(row).toMatchObject({
      kind: 'guest',
      displayName: archived?.shopper.displayName,
      guestNumber: archived?.shopper.guestNumber,
      customerId: null,
      email: null,
      phone: null,
      conversationIds: [guest],
      lastShopperMessage: { text: 'Is the brass lamp still in stock?' },
    });
    expect(row.lastMessageAt.toMillis()).toBe(archived?.lastMessageAt.toMillis());
    expect(row.keywords).toEqual(expect.arrayContaining(['brass', 'lamp', 'visitor']));
    // Nothing was copied or moved: the messages are where they were.
    expect(await messageCount(store.storeId, guest)).toBe(2);
  });

  it("a verified customer's conversations accumulate in one row, newest last; each guest chat is its own row", async () => {
    const store = await openStore('arch-customer');
    const ada = await shopper();
    await identify(store, ada, 'cust-1001', 'Ada Lovelace', 'ada@example.com');
    const first = await chat(store, ada, ['My order #A-1042 has not arrived']);
    const second = await chat(store, await onAnotherDevice(store, 'cust-1001', 'ada@example.com'), [
      'It arrived, thank you',
    ]);
    const guest1 = await chat(store, await shopper(), ['Hello']);
    const guest2 = await chat(store, await shopper(), ['Bonjour']);

    await goOffline(store);

    const history = await rows(store.storeId);
    const rowId = customerHistoryRowId('cust-1001');
    expect([...history.keys()].sort()).toEqual(
      [rowId, guestHistoryRowId(guest1), guestHistoryRowId(guest2)].sort(),
    );
    const row = history.get(rowId)!;
    expect(row).toMatchObject({
      kind: 'customer',
      displayName: 'Ada Lovelace',
      customerId: 'cust-1001',
      email: 'ada@example.com',
      phone: '+33 1 23 45 67 89',
      conversationIds: [first, second],
      lastShopperMessage: { text: 'It arrived, thank you' },
    });
    expect(row.conversations.map((c) => c.conversationId)).toEqual([first, second]);
    expect(row.keywords).toEqual(
      expect.arrayContaining(['ada', 'ada@example.com', 'order', '1042']),
    );
    expect(history.get(guestHistoryRowId(guest1))?.conversationIds).toEqual([guest1]);
  });

  // Killing the archive for real (SIGKILL mid-run) is in faults.spec.ts; this is the
  // bounded run a time budget ends early, and the next run taking over.
  it('stopped by its batch bound after one batch, the next run archives the rest exactly once', async () => {
    const store = await openStore('arch-resume');
    const ada = await shopper();
    await identify(store, ada, 'cust-7', 'Ada Lovelace', 'ada@example.com');
    const adaChats = [
      await chat(store, ada, ['First visit']),
      await chat(store, await onAnotherDevice(store, 'cust-7', 'ada@example.com'), ['Again']),
    ];
    const guests: string[] = [];
    for (let i = 0; i < 5; i++) guests.push(await chat(store, await shopper(), [`Guest ${i}`]));
    const ongoing = await chat(store, await shopper(), ['Still here'], false);

    // Stopped after its first batch of 2, as its time budget would stop it.
    expect(await archiveFinished(store.storeId, { batchSize: 2, maxBatches: 1 })).toEqual({
      archived: 2,
      complete: false,
    });
    const halfway = await statuses(store.storeId);
    expect([...halfway.values()].filter((s) => s === 'archived')).toHaveLength(2);

    // The next offline switch resumes where it stopped.
    await goOffline(store);
    const after = await statuses(store.storeId);
    for (const id of [...adaChats, ...guests]) expect(after.get(id), id).toBe('archived');
    expect(after.get(ongoing)).toBe('ongoing');

    const history = await rows(store.storeId);
    expect(history.size).toBe(6);
    expect(history.get(customerHistoryRowId('cust-7'))?.conversationIds).toEqual(adaChats);
    const listed = [...history.values()].flatMap((r) => r.conversationIds);
    expect(listed.sort()).toEqual([...adaChats, ...guests].sort());

    // Once more: nothing left, nothing rewritten.
    const before = history.get(customerHistoryRowId('cust-7'))!.archivedAt.toMillis();
    expect(await archiveFinished(store.storeId, { batchSize: 2 })).toEqual({
      archived: 0,
      complete: true,
    });
    const again = await rows(store.storeId);
    expect(again.size).toBe(6);
    expect(again.get(customerHistoryRowId('cust-7'))!.archivedAt.toMillis()).toBe(before);
  }, 120_000);
});

describe('deleteHistory', () => {
  it('deletes the chosen rows with their conversations and all their messages, and nothing else', async () => {
    const store = await openStore('arch-delete');
    const ada = await shopper();
    await identify(store, ada, 'cust-9', 'Ada Lovelace', 'ada@example.com');
    const adaChats = [
      await chat(store, ada, ['One', 'Two']),
      await chat(store, await onAnotherDevice(store, 'cust-9', 'ada@example.com'), ['Three']),
    ];
    const guest = await chat(store, await shopper(), ['Hello']);
    const kept = await chat(store, await shopper(), ['Keep me']);
    await goOffline(store);

    const rowIds = [customerHistoryRowId('cust-9'), guestHistoryRowId(guest)];
    expect(await call(store.operator, 'deleteHistory', { storeId: store.storeId, rowIds })).toEqual(
      { rows: 2, conversations: 3, messages: 7 },
    );

    expect([...(await rows(store.storeId)).keys()]).toEqual([guestHistoryRowId(kept)]);
    for (const id of [...adaChats, guest]) {
      expect(await conversation(store.storeId, id), id).toBeUndefined();
      expect(await messageCount(store.storeId, id), id).toBe(0);
    }
    expect((await conversation(store.storeId, kept))?.status).toBe('archived');
    expect(await messageCount(store.storeId, kept)).toBe(2);

    // Deleting again is harmless.
    expect(await call(store.operator, 'deleteHistory', { storeId: store.storeId, rowIds })).toEqual(
      { rows: 0, conversations: 0, messages: 0 },
    );
  });

  it('refuses bad input, shoppers and signed-out callers with a clear code', async () => {
    const store = await openStore('arch-refuse');
    const { storeId, operator } = store;
    const ok = guestHistoryRowId('abc123');
    await expect(call(operator, 'deleteHistory', { storeId, rowIds: [ok] })).resolves.toEqual({
      rows: 0,
      conversations: 0,
      messages: 0,
    });
    const cases: [unknown, string][] = [
      [{ storeId, rowIds: [] }, 'invalid-row-ids'],
      [{ storeId, rowIds: Array.from({ length: 51 }, (_, i) => `guest-r${i}`) }, 'invalid-row-ids'],
      [{ storeId }, 'invalid-row-ids'],
      [{ storeId, rowIds: [ok, '../../stores/other'] }, 'invalid-row-id'],
      [{ storeId: 'Not A Store', rowIds: [ok] }, 'invalid-store-id'],
    ];
    for (const [input, code] of cases) {
      const refused = await refusal(call(operator, 'deleteHistory', input));
      expect(refused, code).toMatchObject({ status: 'functions/invalid-argument', code });
      expect(refused.message.length).toBeGreaterThan(10);
    }
    expect(
      await refusal(call(await shopper(), 'deleteHistory', { storeId, rowIds: [ok] })),
    ).toMatchObject({ status: 'functions/permission-denied', code: 'not-a-member' });
    const anonymous = webClient();
    clients.push(anonymous);
    expect(
      await refusal(call(anonymous, 'deleteHistory', { storeId, rowIds: [ok] })),
    ).toMatchObject({ status: 'functions/unauthenticated', code: 'unauthenticated' });
  });

  it('an operator cannot delete another store’s history', async () => {
    const mine = await openStore('arch-mine');
    const theirs = await openStore('arch-theirs');
    const guest = await chat(theirs, await shopper(), ['Private']);
    await goOffline(theirs);
    const refused = await refusal(
      call(mine.operator, 'deleteHistory', {
        storeId: theirs.storeId,
        rowIds: [guestHistoryRowId(guest)],
      }),
    );
    expect(refused).toMatchObject({ code: 'not-a-member' });
    expect((await rows(theirs.storeId)).has(guestHistoryRowId(guest))).toBe(true);
    expect(await messageCount(theirs.storeId, guest)).toBe(2);
  });
});
