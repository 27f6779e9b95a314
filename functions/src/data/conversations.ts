/**
 * Ending a conversation and giving its chat slot back happen together, in the caller's
 * transaction, so the store's ongoing counter never drifts from the conversations.
 */
import type { Conversation } from '@comptoir/core';
import { Timestamp, type DocumentSnapshot, type Transaction } from 'firebase-admin/firestore';
import { storeRef } from './refs';

export function finishConversation(
  tx: Transaction,
  storeId: string,
  conversation: DocumentSnapshot<Conversation>,
  ongoingCount: number,
  reason: NonNullable<Conversation['endedReason']>,
) {
  tx.update(conversation.ref, {
    status: 'finished',
    endedAt: Timestamp.now(),
    endedReason: reason,
  });
  tx.update(storeRef(storeId), { ongoingCount: Math.max(0, ongoingCount - 1) });
}
