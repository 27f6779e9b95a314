/**
 * Chat slots: the concurrency cap without contention. A store with a cap of N has slot
 * documents 0..N-1; a conversation is admitted by *creating* a free one (a create fails if
 * the document exists, atomically, with no read lock), so a race of shoppers can never take
 * more than N, and losers learn it at once instead of retrying a contended transaction.
 * The slot and the store's ongoing counter change together in one batch, and ending a
 * conversation gives both back in the caller's transaction.
 */
import type { Conversation } from '@comptoir/core';
import {
  FieldValue,
  Timestamp,
  type DocumentSnapshot,
  type Transaction,
} from 'firebase-admin/firestore';
import { db } from '../config';
import { slotRef, storeRef } from './refs';

const ALREADY_EXISTS = 6;

/** Takes a free slot below the cap for this conversation; null when all are taken. */
export async function claimSlot(
  storeId: string,
  cap: number,
  conversationId: string,
  shopperUid: string,
): Promise<number | null> {
  // Random order spreads a burst over the free slots instead of piling onto slot 0.
  const order = Array.from({ length: cap }, (_, i) => i).sort(() => Math.random() - 0.5);
  for (const index of order) {
    try {
      await db
        .batch()
        .create(slotRef(storeId, index), {
          index,
          conversationId,
          shopperUid,
          takenAt: Timestamp.now(),
        })
        .update(storeRef(storeId), { ongoingCount: FieldValue.increment(1) })
        .commit();
      return index;
    } catch (error) {
      if ((error as { code?: number }).code !== ALREADY_EXISTS) throw error;
    }
  }
  return null;
}

/** Gives a slot back (used when admission fails after the slot was taken). */
export async function releaseSlot(storeId: string, index: number) {
  await db
    .batch()
    .delete(slotRef(storeId, index))
    .update(storeRef(storeId), { ongoingCount: FieldValue.increment(-1) })
    .commit();
}

/** Ends a conversation and frees its slot, in the caller's transaction. */
export function finishConversation(
  tx: Transaction,
  storeId: string,
  conversation: DocumentSnapshot<Conversation>,
  reason: NonNullable<Conversation['endedReason']>,
) {
  const slot = conversation.data()?.slot;
  tx.update(conversation.ref, {
    status: 'finished',
    endedAt: Timestamp.now(),
    endedReason: reason,
    slot: null,
  });
  if (slot !== null && slot !== undefined) {
    tx.delete(slotRef(storeId, slot));
    tx.update(storeRef(storeId), { ongoingCount: FieldValue.increment(-1) });
  }
}
