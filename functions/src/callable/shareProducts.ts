/**
 * `shareProducts({ storeId, conversationId, productIds })`: an operator shares 1 to 3
 * products of the catalogue as one message of cards. The products are read here and copied
 * into the message (name, price, link, image as they are now), so what the shopper sees comes
 * from the catalogue, never from the client; the message is the operator's, under their name.
 */
import {
  SHARE_PRODUCTS_MAX,
  describeSharedProducts,
  isProductId,
  sharedProductOf,
  validateConversationId,
  validateStoreId,
  type Message,
} from '@comptoir/core';
import { Timestamp } from 'firebase-admin/firestore';
import { onCall } from 'firebase-functions/v2/https';
import { operatorUid } from '../auth';
import * as log from '../commerceLogs';
import { productRef } from '../data/products';
import { conversationRef, memberRef, messagesRef } from '../data/refs';
import { refuse, required } from '../errors';

/** 1 to 3 distinct ids, each a string a product id could be. */
function productIdsOf(input: unknown): string[] {
  if (!Array.isArray(input) || input.length === 0) {
    return refuse(
      'invalid-argument',
      'invalid-product-ids',
      'Choose at least one product to share.',
    );
  }
  if (input.length > SHARE_PRODUCTS_MAX) {
    return refuse(
      'invalid-argument',
      'too-many-products',
      `Share at most ${SHARE_PRODUCTS_MAX} products at once.`,
    );
  }
  if (!input.every(isProductId)) {
    return refuse('invalid-argument', 'invalid-product-ids', 'These product ids are not valid.');
  }
  const ids: string[] = input;
  if (new Set(ids).size !== ids.length) {
    return refuse(
      'invalid-argument',
      'invalid-product-ids',
      'Each product can be shared once per message.',
    );
  }
  return ids;
}

export const shareProducts = onCall<unknown, Promise<{ messageId: string }>>(async (request) => {
  const input = (request.data ?? {}) as Record<string, unknown>;
  const storeId = required(validateStoreId(input.storeId));
  const conversationId = required(validateConversationId(input.conversationId));
  const uid = await operatorUid(request, storeId);
  const productIds = productIdsOf(input.productIds);

  const [conversation, member, ...products] = await Promise.all([
    conversationRef(storeId, conversationId).get(),
    memberRef(storeId, uid).get(),
    ...productIds.map((id) => productRef(storeId, id).get()),
  ]);
  if (conversation.data()?.status !== 'ongoing') {
    return refuse(
      'failed-precondition',
      'conversation-not-ongoing',
      'This conversation has ended: reopen it to share products.',
    );
  }
  const missing = products.filter((p) => !p.exists).map((p) => p.id);
  if (missing.length > 0) {
    return refuse(
      'not-found',
      'product-not-found',
      `${missing.length === 1 ? 'This product is' : 'These products are'} no longer in the catalogue: ${missing.join(', ')}.`,
    );
  }
  const shared = products.map((p) => sharedProductOf(p.data()!));
  const ref = messagesRef(storeId, conversationId).doc();
  const message: Message = {
    author: 'operator',
    authorUid: uid,
    authorName: member.data()?.displayName ?? '',
    text: describeSharedProducts(shared),
    products: shared,
    createdAt: Timestamp.now(),
  };
  await ref.create(message);
  log.productsShared(storeId, conversationId, shared.length);
  return { messageId: ref.id };
});
