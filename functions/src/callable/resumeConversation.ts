/**
 * `resumeConversation({ storeId, token })`: the shopper followed the link in a reply email,
 * perhaps in another browser. The token proves they received that email; the conversation
 * moves to the calling (anonymous) shopper, who then reads the whole thread, email replies
 * included. The previous browser loses access: one shopper, one conversation.
 */
import { validateStoreId } from '@comptoir/core';
import { onCall } from 'firebase-functions/v2/https';
import { signedInUid } from '../auth';
import { db } from '../config';
import { conversationOfToken } from '../data/emailTokens';
import { conversationRef, shopperRef } from '../data/refs';
import { refuse, required } from '../errors';
import * as log from '../logs';

export const resumeConversation = onCall<unknown, Promise<{ conversationId: string }>>(
  async (request) => {
    const uid = signedInUid(request);
    const input = (request.data ?? {}) as Record<string, unknown>;
    const storeId = required(validateStoreId(input.storeId));
    const found = await conversationOfToken(String(input.token ?? ''), 'resume');
    // One answer for every failure: a guess learns nothing about which tokens exist.
    if (!found || found.storeId !== storeId) {
      return refuse(
        'not-found',
        'invalid-resume-link',
        'This link has expired or is not valid. Write to us again and we will answer.',
      );
    }
    const { conversationId } = found;
    await db.runTransaction(async (tx) => {
      const conversation = await tx.get(conversationRef(storeId, conversationId));
      const previous = conversation.data()?.shopperUid;
      if (!conversation.exists || !previous) return;
      if (previous !== uid) {
        tx.update(conversation.ref, { shopperUid: uid });
        tx.set(shopperRef(storeId, previous), { ongoingConversationId: null }, { merge: true });
      }
      tx.set(shopperRef(storeId, uid), { ongoingConversationId: conversationId }, { merge: true });
    });
    log.conversationResumedByLink(storeId, conversationId);
    return { conversationId };
  },
);
