import { addDoc, collection, serverTimestamp } from 'firebase/firestore';
import { getFirestore } from 'firebase-admin/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationPath, messagesPath } from '@comptoir/core';
import { seedMerchant, seedStore } from '../../scripts/lib/seed.mjs';
import {
  call,
  eventually,
  merchantFor,
  operatorClient,
  refusal,
  shopperClient,
  uniqueStoreId,
  webClient,
  type Client,
} from '../support/emulators';

type Start = { conversationId: string; resumed: boolean };

const start = (client: Client, data: unknown) => call<Start>(client, 'startConversation', data);

/** Seeds a store whose operator is online, so conversations may start. */
async function openStore(storeId: string, merchant = merchantFor(storeId)) {
  await seedStore(storeId);
  await seedMerchant(storeId, merchant);
  const operator = await operatorClient(merchant);
  await call(operator, 'setOperatorStatus', { storeId, online: true });
  return operator;
}

describe('startConversation', () => {
  const storeId = uniqueStoreId('start');
  const clients: Client[] = [];
  const db = () => getFirestore();

  beforeAll(async () => {
    clients.push(await openStore(storeId));
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
  });

  it('a shopper’s first call creates an ongoing conversation with a guest number and a visitor name', async () => {
    const shopper = await shopperClient();
    clients.push(shopper);
    const result = await start(shopper, { storeId, language: 'fr-FR' });
    expect(result.resumed).toBe(false);
    const conversation = (
      await db().doc(conversationPath(storeId, result.conversationId)).get()
    ).data();
    expect(conversation).toMatchObject({
      shopperUid: shopper.uid,
      status: 'ongoing',
      language: 'fr',
      unreadByOperator: 0,
      shopper: { kind: 'guest', guestNumber: expect.any(Number) },
    });
    expect(conversation?.shopper.displayName).toBe(`Visitor ${conversation?.shopper.guestNumber}`);
  });

  it('a shopper who calls again gets the same conversation back', async () => {
    const shopper = await shopperClient();
    clients.push(shopper);
    const first = await start(shopper, { storeId });
    const again = await start(shopper, { storeId });
    expect(again).toEqual({ conversationId: first.conversationId, resumed: true });
  });

  it('two shoppers get two conversations with distinct guest numbers', async () => {
    const [a, b] = await Promise.all([shopperClient(), shopperClient()]);
    clients.push(a, b);
    const [ra, rb] = await Promise.all([start(a, { storeId }), start(b, { storeId })]);
    expect(ra.conversationId).not.toBe(rb.conversationId);
    const numbers = await Promise.all(
      [ra, rb].map(async (r) =>
        (await db().doc(conversationPath(storeId, r.conversationId)).get()).get(
          'shopper.guestNumber',
        ),
      ),
    );
    expect(new Set(numbers).size).toBe(2);
  });

  it('refuses a malformed store id with a code and a message saying what is wrong', async () => {
    const shopper = await shopperClient();
    clients.push(shopper);
    const error = await refusal(start(shopper, { storeId: 'Not A Store!' }));
    expect(error).toMatchObject({ status: 'functions/invalid-argument', code: 'invalid-store-id' });
    expect(error.message).toMatch(/lowercase letters/);
  });

  it('refuses a store that does not exist, and creates nothing', async () => {
    const shopper = await shopperClient();
    clients.push(shopper);
    const ghost = uniqueStoreId('ghost');
    const error = await refusal(start(shopper, { storeId: ghost }));
    expect(error).toMatchObject({ status: 'functions/not-found', code: 'store-not-found' });
    expect((await db().collection(`stores/${ghost}/conversations`).get()).size).toBe(0);
  });

  it('refuses a caller who is not signed in', async () => {
    const anonymous = webClient();
    clients.push(anonymous);
    const error = await refusal(start(anonymous, { storeId }));
    expect(error).toMatchObject({ status: 'functions/unauthenticated', code: 'unauthenticated' });
  });
});

describe('conversation summary (onMessageCreated)', () => {
  const storeId = uniqueStoreId('summary');
  const merchant = {
    email: `${storeId}@comptoir.test`,
    password: 'secret-pass',
    displayName: 'Léa',
  };

  it('a shopper message shows in the inbox summary as unread; an operator reply updates the preview only', async () => {
    const operator = await openStore(storeId, merchant);
    const shopper = await shopperClient();
    const { conversationId } = await start(shopper, { storeId });
    const ref = getFirestore().doc(conversationPath(storeId, conversationId));

    await addDoc(collection(shopper.db, messagesPath(storeId, conversationId)), {
      author: 'shopper',
      authorUid: shopper.uid,
      text: '  Is the Opaline lamp   dimmable?  ',
      createdAt: serverTimestamp(),
    });
    const afterShopper = await eventually(
      async () => (await ref.get()).data(),
      (c) => c?.unreadByOperator === 1,
    );
    expect(afterShopper?.lastMessage).toEqual({
      text: 'Is the Opaline lamp dimmable?',
      author: 'shopper',
    });

    await addDoc(collection(operator.db, messagesPath(storeId, conversationId)), {
      author: 'operator',
      authorUid: operator.uid,
      authorName: 'Léa',
      text: 'Yes, it has a dimmer on the cable.',
      createdAt: serverTimestamp(),
    });
    const afterReply = await eventually(
      async () => (await ref.get()).data(),
      (c) => c?.lastMessage?.author === 'operator',
    );
    expect(afterReply?.lastMessage.text).toBe('Yes, it has a dimmer on the cable.');
    expect(afterReply?.unreadByOperator).toBe(1);
    await Promise.all([shopper.close(), operator.close()]);
  });
});
