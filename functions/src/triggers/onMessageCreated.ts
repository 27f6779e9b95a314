/**
 * Keeps each conversation's summary (last message, activity time, unread count) in step
 * with its messages, so the console's inbox is one query and never reads every thread;
 * queues an operator's reply for email when the shopper has left; and answers a shopper
 * nobody has answered yet with the store's automatic response. One trigger per message:
 * each extra trigger on this path is one more invocation for every message sent.
 */
import type { Message } from '@comptoir/core';
import { onDocumentCreated } from 'firebase-functions/v2/firestore';
import { db } from '../config';
import { conversationRef } from '../data/refs';
import { postAutomaticResponse } from '../automaticResponse';
import { summaryAfterMessage } from '../domain/conversation';
import { queueReplyEmail } from '../email/replyEmails';
import * as log from '../logs';

export const onMessageCreated = onDocumentCreated(
  'stores/{storeId}/conversations/{conversationId}/messages/{messageId}',
  async (event) => {
    const { storeId, conversationId, messageId } = event.params;
    const message = event.data?.data() as Message | undefined;
    if (!message) return;
    // System lines (cart, discounts) keep the summary in the transaction that writes them:
    // a cart line may be rewritten or withdrawn before this trigger runs.
    if (message.author === 'system') return;
    const ref = conversationRef(storeId, conversationId);
    const conversation = await db.runTransaction(async (tx) => {
      const current = (await tx.get(ref)).data();
      if (!current) return undefined;
      const update = summaryAfterMessage(current, messageId, message);
      if (!update) {
        log.duplicateMessageEvent(storeId, conversationId, messageId);
        return current;
      }
      tx.update(ref, update);
      log.messageSummarised(storeId, conversationId, messageId);
      return current;
    });
    if (!conversation) return;
    if (message.author === 'shopper') {
      await postAutomaticResponse(storeId, conversationId, conversation);
    }
    // A reply to a shopper who has left goes to them by email (batched, exactly once).
    if (message.author === 'operator') await queueReplyEmail(storeId, conversationId, messageId);
  },
);
