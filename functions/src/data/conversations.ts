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
import { conversationRef, shopperRef, slotRef, storeRef } from './refs';
import { runContendedTransaction } from './transactions';

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

export type ReopenOutcome = 'reopened' | 'ongoing' | 'full' | 'archived' | 'not-found';

/**
 * Makes a finished conversation ongoing again, with a chat slot of its own: reopening
 * counts against the cap like a new conversation (a merchant at the cap must end one
 * first). The slot is claimed before the transaction, like in startConversation, and
 * given back if the conversation turned out not to need it (reopened meanwhile, archived).
 */
export async function reopenConversation(
  storeId: string,
  conversationId: string,
  cap: number,
  by: string,
): Promise<ReopenOutcome> {
  const ref = conversationRef(storeId, conversationId);
  const before = (await ref.get()).data();
  if (!before) return 'not-found';
  if (before.status === 'ongoing') return 'ongoing';
  if (before.status === 'archived') return 'archived';

  const slot = await claimSlot(storeId, cap, conversationId, before.shopperUid);
  if (slot === null) return 'full';
  let outcome: ReopenOutcome;
  try {
    outcome = await runContendedTransaction(async (tx) => {
      const current = await tx.get(ref);
      const status = current.data()?.status;
      if (status !== 'finished') return status === 'ongoing' ? 'ongoing' : 'archived';
      tx.update(ref, {
        status: 'ongoing',
        slot,
        endedAt: null,
        endedReason: null,
        reopenedAt: Timestamp.now(),
        reopenedBy: by,
      });
      // The shopper's next visit resumes this conversation rather than starting another.
      tx.set(
        shopperRef(storeId, before.shopperUid),
        { ongoingConversationId: conversationId },
        { merge: true },
      );
      return 'reopened';
    });
  } catch (error) {
    await releaseSlot(storeId, slot);
    throw error;
  }
  if (outcome !== 'reopened') await releaseSlot(storeId, slot);
  return outcome;
}
