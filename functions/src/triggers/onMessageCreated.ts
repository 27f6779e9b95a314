/**
 * Keeps each conversation's summary (last message, activity time, unread count) in step
 * with its messages, so the console's inbox is one query and never reads every thread;
 * and queues an operator's reply for email when the shopper has left.
 */
import type { Message } from '@comptoir/core';
import { onDocumentCreated } from 'firebase-functions/v2/firestore';
import { db } from '../config';
import { conversationRef } from '../data/refs';
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
    await db.runTransaction(async (tx) => {
      const conversation = (await tx.get(ref)).data();
      if (!conversation) return;
      const update = summaryAfterMessage(conversation, messageId, message);
      if (!update) {
        log.duplicateMessageEvent(storeId, conversationId, messageId);
        return;
      }
      tx.update(ref, update);
      log.messageSummarised(storeId, conversationId, messageId);
    });
    // A reply to a shopper who has left goes to them by email (batched, exactly once).
    if (message.author === 'operator') await queueReplyEmail(storeId, conversationId, messageId);
  },
);
