import { getFirestore, Timestamp } from 'firebase-admin/firestore';
import { afterAll, describe, expect, it } from 'vitest';
import { conversationPath, conversationsPath, storePath } from '@comptoir/core';
import { DEMO_WIDGET, seedMerchant, seedStore } from '../../scripts/lib/seed.mjs';
import {
  call,
  merchantFor,
  operatorClient,
  refusal,
  shopperClient,
  sweepNow,
  uniqueStoreId,
  type Client,
} from '../support/emulators';

type Start = { conversationId: string; resumed: boolean };
const clients: Client[] = [];
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
});

/** A store with an operator online and the given cap. */
async function openStore(prefix: string, maxConcurrentChats: number) {
  const storeId = uniqueStoreId(prefix);
  await seedStore(storeId, DEMO_WIDGET, { maxConcurrentChats });
  const merchant = merchantFor(storeId);
  await seedMerchant(storeId, merchant);
  const operator = await operatorClient(merchant);
  clients.push(operator);
  await call(operator, 'setOperatorStatus', { storeId, online: true });
  return { storeId, operator };
}

async function shoppers(n: number) {
  const list = await Promise.all(Array.from({ length: n }, () => shopperClient()));
  clients.push(...list);
  return list;
}

const ongoingCount = async (storeId: string) =>
  (await getFirestore().doc(storePath(storeId)).get()).get('ongoingCount');

describe('the concurrency cap', () => {
  it('a race of 20 shoppers against a cap of 3 admits exactly 3 and tells every other one the store is full', async () => {
    const { storeId } = await openStore('race', 3);
    const racers = await shoppers(20);
    const outcomes = await Promise.allSettled(
      racers.map((s) => call<Start>(s, 'startConversation', { storeId })),
    );
    const admitted = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(admitted).toHaveLength(3);
    expect(refused).toHaveLength(17);
    for (const r of refused) {
      expect((r.reason as { details?: { code?: string } }).details?.code).toBe('store-full');
    }
    const ongoing = await getFirestore()
      .collection(conversationsPath(storeId))
      .where('status', '==', 'ongoing')
      .get();
    expect(ongoing.size).toBe(3);
    expect(await ongoingCount(storeId)).toBe(3);
    // The emulator's transactions are pessimistic: a burst on one document is slow there.
  }, 120_000);

  it('a shopper who already chats is never locked out, even when the store is full', async () => {
    const { storeId } = await openStore('resume', 1);
    const [first, second] = await shoppers(2);
    const started = await call<Start>(first!, 'startConversation', { storeId });
    const refused = await refusal(call(second!, 'startConversation', { storeId }));
    expect(refused).toMatchObject({ status: 'functions/resource-exhausted', code: 'store-full' });
    expect(refused.message).toMatch(/busy/);
    expect(await call<Start>(first!, 'startConversation', { storeId })).toEqual({
      conversationId: started.conversationId,
      resumed: true,
    });
  });

  it('ending a conversation frees its slot for the next shopper', async () => {
    const { storeId, operator } = await openStore('end', 1);
    const [first, second] = await shoppers(2);
    const { conversationId } = await call<Start>(first!, 'startConversation', { storeId });
    await call(operator, 'endConversation', { storeId, conversationId });
    const ended = (
      await getFirestore().doc(conversationPath(storeId, conversationId)).get()
    ).data();
    expect(ended).toMatchObject({ status: 'finished', endedReason: 'operator' });
    expect(await ongoingCount(storeId)).toBe(0);
    expect((await call<Start>(second!, 'startConversation', { storeId })).resumed).toBe(false);
  });

  it('ending the same conversation twice frees only one slot', async () => {
    const { storeId, operator } = await openStore('twice', 2);
    const [a, b] = await shoppers(2);
    const first = await call<Start>(a!, 'startConversation', { storeId });
    await call<Start>(b!, 'startConversation', { storeId });
    await Promise.all([
      call(operator, 'endConversation', { storeId, conversationId: first.conversationId }),
      call(operator, 'endConversation', { storeId, conversationId: first.conversationId }),
    ]);
    expect(await ongoingCount(storeId)).toBe(1);
  });

  it('a shopper who left the store and stayed away past the timeout gives the slot back', async () => {
    const { storeId } = await openStore('left', 1);
    const [gone, next] = await shoppers(2);
    const { conversationId } = await call<Start>(gone!, 'startConversation', { storeId });
    await sweepNow();
    // Still here (recent heartbeat): the sweep keeps the conversation.
    expect(
      (await getFirestore().doc(conversationPath(storeId, conversationId)).get()).get('status'),
    ).toBe('ongoing');
    // Last heartbeat ten minutes ago: the shopper has left.
    await getFirestore()
      .doc(conversationPath(storeId, conversationId))
      .update({ shopperSeenAt: Timestamp.fromMillis(Date.now() - 10 * 60_000) });
    await sweepNow();
    const left = (await getFirestore().doc(conversationPath(storeId, conversationId)).get()).data();
    expect(left).toMatchObject({ status: 'finished', endedReason: 'shopper-left' });
    expect(await ongoingCount(storeId)).toBe(0);
    expect((await call<Start>(next!, 'startConversation', { storeId })).resumed).toBe(false);
  });

  it('no conversation starts while nobody is online', async () => {
    const storeId = uniqueStoreId('nobody');
    await seedStore(storeId);
    const [shopper] = await shoppers(1);
    expect(await refusal(call(shopper!, 'startConversation', { storeId }))).toMatchObject({
      status: 'functions/unavailable',
      code: 'store-offline',
    });
    expect(await ongoingCount(storeId)).toBe(0);
  });

  it('only an operator of the store can end its conversations', async () => {
    const { storeId } = await openStore('guard', 2);
    const [shopper] = await shoppers(1);
    const { conversationId } = await call<Start>(shopper!, 'startConversation', { storeId });
    expect(
      await refusal(call(shopper!, 'endConversation', { storeId, conversationId })),
    ).toMatchObject({
      status: 'functions/permission-denied',
      code: 'not-a-member',
    });
  });
});
