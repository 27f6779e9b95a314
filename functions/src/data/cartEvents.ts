/**
 * Records one cart report on a conversation: the plan (domain/cartEvents.ts) applied in a
 * single transaction, so the summary, the system line and the inbox preview never disagree.
 * Shared by the widget's callable and the store's signed endpoint.
 */
import type { Message } from '@comptoir/core';
import { Timestamp } from 'firebase-admin/firestore';
import { planCartEvent, type CartReport } from '../domain/cartEvents';
import { previewOf } from '../domain/conversation';
import { refuse } from '../errors';
import { conversationRef, messagesRef } from './refs';
import { runContendedTransaction } from './transactions';

export type CartOutcome = 'recorded' | 'duplicate' | 'stale' | 'unchanged' | 'no-conversation';

export async function recordCartEvent(
  storeId: string,
  conversationId: string,
  report: CartReport,
  /** When set (the widget), the conversation must be this shopper's. */
  shopperUid?: string,
): Promise<CartOutcome> {
  const ref = conversationRef(storeId, conversationId);
  return runContendedTransaction(async (tx) => {
    const conversation = (await tx.get(ref)).data();
    if (shopperUid !== undefined && conversation && conversation.shopperUid !== shopperUid) {
      return refuse('permission-denied', 'not-your-conversation', 'This is not your conversation.');
    }
    // Events are recorded only while there is someone to talk to about them.
    if (!conversation || conversation.status !== 'ongoing') return 'no-conversation';

    const now = Timestamp.now();
    const plan = planCartEvent(
      conversation,
      report,
      now,
      messagesRef(storeId, conversationId).doc().id,
    );
    if (plan.action === 'ignore') return plan.reason;

    const { line, summary } = plan;
    if (!line) {
      tx.update(ref, { cart: summary });
      return 'recorded';
    }
    const messageRef = messagesRef(storeId, conversationId).doc(line.messageId);
    if (line.op === 'delete') {
      tx.delete(messageRef);
      tx.update(ref, { cart: summary, ...line.previous });
      return 'recorded';
    }
    const message: Message = {
      author: 'system',
      authorUid: 'system',
      text: line.text,
      event: line.event,
      createdAt: now,
    };
    // The line is the newest message: the preview is kept here, in the same transaction
    // (onMessageCreated leaves system lines to the function that wrote them).
    if (line.op === 'create') {
      tx.create(messageRef, message);
      tx.update(ref, {
        cart: summary,
        lastMessage: previewOf(message),
        lastMessageAt: now,
        lastMessageId: line.messageId,
      });
    } else {
      tx.update(messageRef, { text: line.text, event: line.event });
      tx.update(ref, { cart: summary, lastMessage: previewOf(message) });
    }
    return 'recorded';
  });
}
