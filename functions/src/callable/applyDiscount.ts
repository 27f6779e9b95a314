/**
 * `applyDiscount({ storeId, conversationId, messageId })`: the shopper presses Apply on a
 * discount card. In one transaction: the code is checked against the conversation's cart
 * (dates, usage limit, minimum, currency, one use per conversation), the use is counted
 * and recorded, the conversation remembers the discount, and a system line says so. A
 * refusal carries its reason and the figures the shopper needs (`details`), so the widget
 * can say why in the shopper's language.
 */
import {
  applyRefusal,
  describeApplyRefusal,
  validateConversationId,
  validateStoreId,
  type AppliedDiscount,
  type DiscountDetail,
  type Message,
} from '@comptoir/core';
import { FieldValue, Timestamp } from 'firebase-admin/firestore';
import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { signedInUid } from '../auth';
import * as log from '../commerceLogs';
import { discountRef, discountUseRef } from '../data/commerceRefs';
import { conversationRef, messagesRef } from '../data/refs';
import { runContendedTransaction } from '../data/transactions';
import { previewOf } from '../domain/conversation';
import { refuse, required } from '../errors';

const MESSAGE_ID = /^[A-Za-z0-9]{1,40}$/;

export const applyDiscount = onCall<unknown, Promise<{ discount: DiscountDetail }>>(
  async (request) => {
    const uid = signedInUid(request);
    const input = (request.data ?? {}) as Record<string, unknown>;
    const storeId = required(validateStoreId(input.storeId));
    const conversationId = required(validateConversationId(input.conversationId));
    const messageId = typeof input.messageId === 'string' ? input.messageId : '';
    if (!MESSAGE_ID.test(messageId)) {
      return refuse('invalid-argument', 'invalid-message-id', 'Apply a discount from its card.');
    }

    const detail = await runContendedTransaction(async (tx) => {
      const conversationSnap = await tx.get(conversationRef(storeId, conversationId));
      const conversation = conversationSnap.data();
      if (!conversation || conversation.shopperUid !== uid) {
        return refuse(
          'permission-denied',
          'not-your-conversation',
          'This is not your conversation.',
        );
      }
      if (conversation.status !== 'ongoing') {
        return refuse(
          'failed-precondition',
          'conversation-not-ongoing',
          'This conversation has ended.',
        );
      }
      const shared = (await tx.get(messagesRef(storeId, conversationId).doc(messageId))).data()
        ?.discount;
      if (!shared) {
        return refuse(
          'not-found',
          'discount-not-shared',
          'This discount was not shared in this conversation.',
        );
      }
      const [discountSnap, use] = await Promise.all([
        tx.get(discountRef(storeId, shared.code)),
        tx.get(discountUseRef(storeId, shared.code, conversationId)),
      ]);
      const discount = discountSnap.data();
      const now = Timestamp.now();
      // A code deleted since it was shared reads as no longer active.
      const refusal = discount
        ? applyRefusal(discount, conversation.cart ?? null, use.exists, now.toMillis())
        : ({ code: 'discount-inactive' } as const);
      if (refusal) {
        throw new HttpsError('failed-precondition', describeApplyRefusal(refusal, 'en'), refusal);
      }
      const d = discount!;
      tx.create(use.ref, {
        conversationId,
        shopperUid: uid,
        subtotal: conversation.cart?.subtotal ?? null,
        currency: conversation.cart?.currency ?? null,
        appliedAt: now,
      });
      tx.update(discountSnap.ref, { usageCount: FieldValue.increment(1), updatedAt: now });
      const applied: AppliedDiscount = {
        code: d.code,
        kind: d.kind,
        value: d.value,
        currency: d.currency,
        appliedAt: now,
        messageId,
      };
      const lineRef = messagesRef(storeId, conversationId).doc();
      const line: Message = {
        author: 'system',
        authorUid: 'system',
        text: `Discount ${d.code} applied`,
        event: { kind: 'discount-applied', code: d.code },
        createdAt: now,
      };
      tx.create(lineRef, line);
      // System lines keep the inbox preview themselves (see onMessageCreated).
      tx.update(conversationSnap.ref, {
        discount: applied,
        lastMessage: previewOf(line),
        lastMessageAt: now,
        lastMessageId: lineRef.id,
      });
      return { code: d.code, kind: d.kind, value: d.value, currency: d.currency };
    });
    log.discountApplied(storeId, conversationId, detail.code);
    return { discount: detail };
  },
);
