/**
 * `startConversation({ storeId, language })`: gives the signed-in shopper their ongoing
 * conversation in this store, creating it on their first message. Only this function
 * creates conversations, so it is where the guest number (and later the concurrency cap)
 * is decided atomically.
 */
import { primaryLanguage, validateStoreId } from '@comptoir/core';
import { Timestamp } from 'firebase-admin/firestore';
import { onCall } from 'firebase-functions/v2/https';
import { db } from '../config';
import { conversationsRef, storeRef } from '../data/refs';
import { newConversation } from '../domain/conversation';
import { refuse, required } from '../errors';
import * as log from '../logs';

export interface StartConversationResult {
  conversationId: string;
  resumed: boolean;
}

export const startConversation = onCall<unknown, Promise<StartConversationResult>>(
  async (request) => {
    const uid = request.auth?.uid;
    if (!uid) return refuse('unauthenticated', 'unauthenticated', 'Sign in first.');
    const input = (request.data ?? {}) as Record<string, unknown>;
    const storeId = required(validateStoreId(input.storeId));
    const language = primaryLanguage(input.language) ?? 'en';

    return db.runTransaction(async (tx) => {
      const ongoing = await tx.get(
        conversationsRef(storeId)
          .where('shopperUid', '==', uid)
          .where('status', '==', 'ongoing')
          .limit(1),
      );
      const existing = ongoing.docs[0];
      if (existing) {
        log.conversationResumed(storeId, existing.id);
        return { conversationId: existing.id, resumed: true };
      }
      const store = await tx.get(storeRef(storeId));
      if (!store.exists) {
        return refuse('not-found', 'store-not-found', 'This store does not exist or has no chat.');
      }
      const guestNumber = (store.data()?.guestCount ?? 0) + 1;
      const ref = conversationsRef(storeId).doc();
      tx.update(storeRef(storeId), { guestCount: guestNumber });
      tx.create(ref, newConversation(uid, guestNumber, language, Timestamp.now()));
      log.conversationStarted(storeId, ref.id, guestNumber);
      return { conversationId: ref.id, resumed: false };
    });
  },
);
