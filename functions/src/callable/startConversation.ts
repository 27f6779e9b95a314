/**
 * `startConversation({ storeId, language })`: gives the signed-in shopper their ongoing
 * conversation in this store, creating it on their first message. Only this function
 * creates conversations, so it is where the guest number and the concurrency cap are
 * decided, atomically: the store document holds the counter, and every admission is a
 * transaction on it, so a race of shoppers can never push the store over its cap.
 */
import { DEFAULT_STORE_SETTINGS, primaryLanguage, validateStoreId } from '@comptoir/core';
import { Timestamp } from 'firebase-admin/firestore';
import { onCall } from 'firebase-functions/v2/https';
import { signedInUid } from '../auth';
import { refreshAvailability } from '../data/availability';
import {
  availabilityRef,
  conversationRef,
  conversationsRef,
  shopperRef,
  storeRef,
} from '../data/refs';
import { runContendedTransaction } from '../data/transactions';
import { availabilityResponse } from '../domain/availability';
import { newConversation } from '../domain/conversation';
import { refuse, required } from '../errors';
import * as log from '../logs';

export interface StartConversationResult {
  conversationId: string;
  resumed: boolean;
}

export const startConversation = onCall<unknown, Promise<StartConversationResult>>(
  async (request) => {
    const uid = signedInUid(request);
    const input = (request.data ?? {}) as Record<string, unknown>;
    const storeId = required(validateStoreId(input.storeId));
    const language = primaryLanguage(input.language) ?? 'en';
    // Read outside the transaction: it gates new conversations but is not what keeps the
    // cap exact (the counter is), and reading it inside would add lock contention.
    const availability = (await availabilityRef(storeId).get()).data();

    const result = await runContendedTransaction(async (tx) => {
      const pointer = (await tx.get(shopperRef(storeId, uid))).data();
      if (pointer?.ongoingConversationId) {
        const current = await tx.get(conversationRef(storeId, pointer.ongoingConversationId));
        // A shopper who already has a conversation is never locked out of it by the cap.
        if (current.data()?.status === 'ongoing') {
          return { conversationId: current.id, resumed: true, full: false };
        }
      }
      const store = await tx.get(storeRef(storeId));
      const settings = store.data();
      if (!settings) {
        return refuse('not-found', 'store-not-found', 'This store does not exist or has no chat.');
      }
      const now = Timestamp.now();
      if (availabilityResponse(storeId, availability, now.toMillis()).status === 'offline') {
        return refuse('unavailable', 'store-offline', 'Nobody is available to chat right now.');
      }
      const cap = settings.maxConcurrentChats ?? DEFAULT_STORE_SETTINGS.maxConcurrentChats;
      const ongoingCount = settings.ongoingCount ?? 0;
      if (ongoingCount >= cap) {
        log.conversationRefusedFull(storeId, ongoingCount, cap);
        return refuse(
          'resource-exhausted',
          'store-full',
          'All our advisers are busy with other customers. Please leave us a message.',
        );
      }
      const guestNumber = (settings.guestCount ?? 0) + 1;
      const ref = conversationsRef(storeId).doc();
      tx.update(storeRef(storeId), { guestCount: guestNumber, ongoingCount: ongoingCount + 1 });
      tx.create(ref, newConversation(uid, guestNumber, language, now));
      tx.set(shopperRef(storeId, uid), { ongoingConversationId: ref.id });
      log.conversationStarted(storeId, ref.id, guestNumber);
      return { conversationId: ref.id, resumed: false, full: ongoingCount + 1 >= cap };
    });

    if (result.resumed) log.conversationResumed(storeId, result.conversationId);
    // Taking the last slot turns the store full; any other admission changes nothing public.
    if (result.full) await refreshAvailability(storeId);
    return { conversationId: result.conversationId, resumed: result.resumed };
  },
);
