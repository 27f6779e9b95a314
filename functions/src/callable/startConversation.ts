/**
 * `startConversation({ storeId, language })`: gives the signed-in shopper their ongoing
 * conversation in this store, creating it on their first message. Only this function
 * creates conversations, so it is where the concurrency cap is enforced (by claiming one
 * of the store's chat slots, see data/conversations.ts) and the guest number given.
 */
import { DEFAULT_STORE_SETTINGS, primaryLanguage, validateStoreId, webUrl } from '@comptoir/core';
import { Timestamp } from 'firebase-admin/firestore';
import { onCall } from 'firebase-functions/v2/https';
import { signedInUid } from '../auth';
import { refreshAvailability } from '../data/availability';
import { claimSlot, releaseSlot, reopenConversation } from '../data/conversations';
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
  /** The shopper wrote again in a finished conversation, which is ongoing again. */
  reopened?: boolean;
}

export const startConversation = onCall<unknown, Promise<StartConversationResult>>(
  async (request) => {
    const uid = signedInUid(request);
    const input = (request.data ?? {}) as Record<string, unknown>;
    const storeId = required(validateStoreId(input.storeId));
    const language = primaryLanguage(input.language) ?? 'en';
    const pageUrl = pageUrlOf(input.pageUrl);

    // A shopper who already has a conversation is never locked out of it by the cap.
    const pointer = (await shopperRef(storeId, uid).get()).data();
    const previous = pointer?.ongoingConversationId
      ? await conversationRef(storeId, pointer.ongoingConversationId).get()
      : null;
    if (previous?.data()?.status === 'ongoing') {
      log.conversationResumed(storeId, previous.id);
      return { conversationId: previous.id, resumed: true };
    }

    const [store, availability] = await Promise.all([
      storeRef(storeId).get(),
      availabilityRef(storeId).get(),
    ]);
    const settings = store.data();
    if (!settings) {
      return refuse('not-found', 'store-not-found', 'This store does not exist or has no chat.');
    }
    if (availabilityResponse(storeId, availability.data(), Date.now()).status === 'offline') {
      return refuse('unavailable', 'store-offline', 'Nobody is available to chat right now.');
    }

    const cap = settings.maxConcurrentChats ?? DEFAULT_STORE_SETTINGS.maxConcurrentChats;

    // Writing again after the merchant ended the chat reopens it: one thread per shopper
    // until it is archived (then the next message starts a new conversation).
    if (previous?.data()?.status === 'finished') {
      const outcome = await reopenConversation(storeId, previous.id, cap, 'shopper');
      if (outcome === 'full') return refuseFull(storeId, cap);
      if (outcome === 'reopened' || outcome === 'ongoing') {
        if (outcome === 'reopened') {
          log.conversationReopened(storeId, previous.id, 'shopper');
          await refreshAvailability(storeId);
        }
        return { conversationId: previous.id, resumed: true, reopened: outcome === 'reopened' };
      }
    }

    const ref = conversationsRef(storeId).doc();
    const slot = await claimSlot(storeId, cap, ref.id, uid);
    if (slot === null) return refuseFull(storeId, cap);

    try {
      // Only admitted shoppers get here, so this transaction sees little contention.
      const guestNumber = await runContendedTransaction(async (tx) => {
        const current = await tx.get(storeRef(storeId));
        const next = (current.data()?.guestCount ?? 0) + 1;
        tx.update(storeRef(storeId), { guestCount: next });
        tx.create(ref, {
          ...newConversation(uid, next, language, Timestamp.now(), pointer?.customer),
          slot,
          // An email left in a pre-chat form, before there was a conversation to hold it.
          contact: pointer?.contact ?? null,
          pageUrl,
        });
        tx.set(shopperRef(storeId, uid), { ongoingConversationId: ref.id }, { merge: true });
        return next;
      });
      log.conversationStarted(storeId, ref.id, guestNumber);
    } catch (error) {
      await releaseSlot(storeId, slot);
      throw error;
    }
    // Taking a slot may have filled the store.
    await refreshAvailability(storeId);
    return { conversationId: ref.id, resumed: false };
  },
);

function refuseFull(storeId: string, cap: number): never {
  log.conversationRefusedFull(storeId, cap);
  return refuse(
    'resource-exhausted',
    'store-full',
    'All our advisers are busy with other customers. Please leave us a message.',
  );
}

/**
 * The store page the chat starts on, kept so a reply email can link back to it (with a
 * resume token). Optional: anything but a plain http(s) URL is dropped, not refused.
 */
function pageUrlOf(input: unknown): string | null {
  if (typeof input !== 'string' || input.length > 1000) return null;
  return webUrl(input)?.toString() ?? null;
}
