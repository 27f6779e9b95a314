import { getFirestore, Timestamp } from 'firebase-admin/firestore';
import { addDoc, collection, serverTimestamp } from 'firebase/firestore';
import { afterAll, describe, expect, it } from 'vitest';
import { conversationPath, messagesPath, storePath } from '@comptoir/core';
import {
  call,
  closeClients,
  newShopper,
  openStore as openStoreWith,
  refusal,
  sweepNow,
} from '../support/emulators';

type Start = { conversationId: string; resumed: boolean; reopened?: boolean };
afterAll(closeClients);

const openStore = (prefix: string, maxConcurrentChats: number) =>
  openStoreWith(prefix, { maxConcurrentChats });
const shopper = newShopper;

const conversation = async (storeId: string, id: string) =>
  (await getFirestore().doc(conversationPath(storeId, id)).get()).data();
const ongoingCount = async (storeId: string) =>
  (await getFirestore().doc(storePath(storeId)).get()).get('ongoingCount');

/** A shopper's conversation, ended by the operator. */
async function finishedConversation(prefix: string, cap = 2) {
  const store = await openStore(prefix, cap);
  const client = await shopper();
  const { conversationId } = await call<Start>(client, 'startConversation', {
    storeId: store.storeId,
  });
  await call(store.operator, 'endConversation', { storeId: store.storeId, conversationId });
  return { ...store, shopper: client, conversationId };
}

describe('reopening a finished conversation', () => {
  it('the shopper writing again reopens the same conversation and it takes a chat slot again', async () => {
    const { storeId, shopper, conversationId } = await finishedConversation('auto');
    expect(await ongoingCount(storeId)).toBe(0);

    const again = await call<Start>(shopper, 'startConversation', { storeId });
    expect(again).toEqual({ conversationId, resumed: true, reopened: true });
    expect(await conversation(storeId, conversationId)).toMatchObject({
      status: 'ongoing',
      endedAt: null,
      endedReason: null,
      reopenedBy: 'shopper',
    });
    expect(await ongoingCount(storeId)).toBe(1);
    // Ongoing again, so the rules let the shopper's message in.
    await addDoc(collection(shopper.db, messagesPath(storeId, conversationId)), {
      author: 'shopper',
      authorUid: shopper.uid,
      text: 'Me again',
      createdAt: serverTimestamp(),
    });
  });

  it('the merchant reopens a finished conversation; reopening twice at once takes one slot', async () => {
    const { storeId, operator, conversationId } = await finishedConversation('manual');
    const results = await Promise.all([
      call(operator, 'reopenConversation', { storeId, conversationId }),
      call(operator, 'reopenConversation', { storeId, conversationId }),
    ]);
    expect(results).toEqual([{ status: 'ongoing' }, { status: 'ongoing' }]);
    expect(await conversation(storeId, conversationId)).toMatchObject({ status: 'ongoing' });
    expect(await ongoingCount(storeId)).toBe(1);
    const slots = await getFirestore()
      .collection(`${storePath(storeId)}/slots`)
      .get();
    expect(slots.docs.map((d) => d.get('conversationId'))).toEqual([conversationId]);
  });

  it('a store at its cap refuses to reopen, saying what to do', async () => {
    const { storeId, operator, conversationId } = await finishedConversation('full', 1);
    await call(await shopper(), 'startConversation', { storeId });
    const refused = await refusal(
      call(operator, 'reopenConversation', { storeId, conversationId }),
    );
    expect(refused).toMatchObject({ status: 'functions/resource-exhausted', code: 'store-full' });
    expect(refused.message).toMatch(/End a conversation first/);
    expect(await conversation(storeId, conversationId)).toMatchObject({ status: 'finished' });
    expect(await ongoingCount(storeId)).toBe(1);
  });

  it('an archived conversation stays in the history: the shopper gets a new one', async () => {
    const { storeId, operator, shopper, conversationId } = await finishedConversation('archived');
    await getFirestore().doc(conversationPath(storeId, conversationId)).update({
      status: 'archived',
    });
    expect(
      await refusal(call(operator, 'reopenConversation', { storeId, conversationId })),
    ).toMatchObject({ status: 'functions/failed-precondition', code: 'conversation-archived' });
    const next = await call<Start>(shopper, 'startConversation', { storeId });
    expect(next.resumed).toBe(false);
    expect(next.conversationId).not.toBe(conversationId);
  });

  it('only members of the store reopen, with a valid id', async () => {
    const { storeId, conversationId } = await finishedConversation('who');
    const stranger = await shopper();
    expect(
      await refusal(call(stranger, 'reopenConversation', { storeId, conversationId })),
    ).toMatchObject({ status: 'functions/permission-denied' });
    const other = await openStore('other', 1);
    expect(
      await refusal(call(other.operator, 'reopenConversation', { storeId, conversationId })),
    ).toMatchObject({ status: 'functions/permission-denied' });
    expect(
      await refusal(call(other.operator, 'reopenConversation', { storeId: other.storeId })),
    ).toMatchObject({ status: 'functions/invalid-argument' });
    expect(
      await refusal(
        call(other.operator, 'reopenConversation', {
          storeId: other.storeId,
          conversationId: 'missing',
        }),
      ),
    ).toMatchObject({ status: 'functions/not-found', code: 'conversation-not-found' });
  });

  it('a conversation the merchant reopened for a shopper who left is not swept at once', async () => {
    const { storeId, operator, conversationId } = await finishedConversation('sweep');
    await getFirestore()
      .doc(conversationPath(storeId, conversationId))
      .update({ shopperSeenAt: Timestamp.fromMillis(Date.now() - 10 * 60_000) });
    await call(operator, 'reopenConversation', { storeId, conversationId });
    await sweepNow();
    expect(await conversation(storeId, conversationId)).toMatchObject({ status: 'ongoing' });
    // Once the grace has passed too, the sweep ends it like any silent conversation.
    await getFirestore()
      .doc(conversationPath(storeId, conversationId))
      .update({ reopenedAt: Timestamp.fromMillis(Date.now() - 10 * 60_000) });
    await sweepNow();
    expect(await conversation(storeId, conversationId)).toMatchObject({
      status: 'finished',
      endedReason: 'shopper-left',
    });
  });
});
