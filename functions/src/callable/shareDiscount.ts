/**
 * `shareDiscount({ storeId, conversationId, code })`: an operator posts a discount card into
 * a conversation. The card is the operator's message (under their name, like a reply), with
 * a copy of the code's terms; a code that could not be used now is refused with what to fix.
 */
import {
  describeDiscount,
  normalizeCode,
  shareRefusal,
  validateConversationId,
  validateStoreId,
  type Message,
} from '@comptoir/core';
import { Timestamp } from 'firebase-admin/firestore';
import { onCall } from 'firebase-functions/v2/https';
import { operatorUid } from '../auth';
import { discountRef } from '../data/commerceRefs';
import { conversationRef, memberRef, messagesRef } from '../data/refs';
import { refuse, required } from '../errors';

export const shareDiscount = onCall<unknown, Promise<{ messageId: string }>>(async (request) => {
  const input = (request.data ?? {}) as Record<string, unknown>;
  const storeId = required(validateStoreId(input.storeId));
  const conversationId = required(validateConversationId(input.conversationId));
  const uid = await operatorUid(request, storeId);
  const code = normalizeCode(input.code);
  if (!code) return refuse('invalid-argument', 'invalid-code', 'Choose a code to share.');

  const [conversation, discount, member] = await Promise.all([
    conversationRef(storeId, conversationId).get(),
    discountRef(storeId, code).get(),
    memberRef(storeId, uid).get(),
  ]);
  if (conversation.data()?.status !== 'ongoing') {
    return refuse(
      'failed-precondition',
      'conversation-not-ongoing',
      'This conversation has ended: the shopper could not apply the code.',
    );
  }
  const d = discount.data();
  if (!d) return refuse('not-found', 'discount-not-found', `There is no discount ${code}.`);
  const refusal = shareRefusal(d, Date.now());
  if (refusal) return refuse('failed-precondition', refusal.code, refusal.message);

  const ref = messagesRef(storeId, conversationId).doc();
  const message: Message = {
    author: 'operator',
    authorUid: uid,
    authorName: member.data()?.displayName ?? '',
    text: `Discount code ${d.code}: ${describeDiscount(d, 'en')}`,
    discount: {
      code: d.code,
      kind: d.kind,
      value: d.value,
      currency: d.currency,
      minimumSubtotal: d.minimumSubtotal,
      endsAt: d.endsAt,
    },
    createdAt: Timestamp.now(),
  };
  await ref.create(message);
  return { messageId: ref.id };
});
