/** `endConversation({ storeId, conversationId })`: an operator ends a chat, freeing its slot. */
import { DEFAULT_STORE_SETTINGS, validateConversationId, validateStoreId } from '@comptoir/core';
import { onCall } from 'firebase-functions/v2/https';
import { operatorUid } from '../auth';
import { refreshAvailability } from '../data/availability';
import { finishConversation } from '../data/conversations';
import { conversationRef, storeRef } from '../data/refs';
import { runContendedTransaction } from '../data/transactions';
import { refuse, required } from '../errors';
import * as log from '../logs';

export const endConversation = onCall<unknown, Promise<{ ok: true }>>(async (request) => {
  const input = (request.data ?? {}) as Record<string, unknown>;
  const storeId = required(validateStoreId(input.storeId));
  const conversationId = required(validateConversationId(input.conversationId));
  await operatorUid(request, storeId);

  const wasFull = await runContendedTransaction(async (tx) => {
    const [conversation, store] = await Promise.all([
      tx.get(conversationRef(storeId, conversationId)),
      tx.get(storeRef(storeId)),
    ]);
    if (!conversation.exists) {
      return refuse('not-found', 'conversation-not-found', 'This conversation does not exist.');
    }
    // Ending twice is harmless: the second call changes nothing and frees nothing.
    if (conversation.data()?.status !== 'ongoing') return false;
    const ongoing = store.data()?.ongoingCount ?? 0;
    finishConversation(tx, storeId, conversation, 'operator');
    const cap = store.data()?.maxConcurrentChats ?? DEFAULT_STORE_SETTINGS.maxConcurrentChats;
    return ongoing >= cap;
  });
  log.conversationEnded(storeId, conversationId, 'operator');
  // Only a store that was full changes its public status when a slot frees.
  if (wasFull) await refreshAvailability(storeId);
  return { ok: true };
});
