/**
 * `reportCart({ storeId, conversationId, eventId, occurredAt, cart })`: the chat app passes
 * on what the store's page gave `Comptoir.cart(...)`. Only for the shopper's own ongoing
 * conversation: the loader never calls this for a shopper who has not started a chat.
 */
import {
  validateCart,
  validateCartEventId,
  validateConversationId,
  validateStoreId,
} from '@comptoir/core';
import { onCall } from 'firebase-functions/v2/https';
import { signedInUid } from '../auth';
import { recordCartEvent, type CartOutcome } from '../data/cartEvents';
import { required } from '../errors';
import * as log from '../commerceLogs';

export const reportCart = onCall<unknown, Promise<{ status: CartOutcome }>>(async (request) => {
  const uid = signedInUid(request);
  const input = (request.data ?? {}) as Record<string, unknown>;
  const storeId = required(validateStoreId(input.storeId));
  const conversationId = required(validateConversationId(input.conversationId));
  const eventId = required(validateCartEventId(input.eventId));
  const cart = required(validateCart(input.cart));
  const occurredAt =
    typeof input.occurredAt === 'number' && Number.isFinite(input.occurredAt)
      ? input.occurredAt
      : Date.now();
  const status = await recordCartEvent(storeId, conversationId, { eventId, occurredAt, cart }, uid);
  log.cartEvent(storeId, conversationId, 'widget', status);
  return { status };
});
