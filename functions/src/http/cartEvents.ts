/**
 * `POST /api/cart-events` (signed, see signedEndpoint.ts): a store's server reports a
 * signed-in customer's cart, `{ eventId, customerId, occurredAt?, cart }`. It is recorded
 * on that customer's ongoing conversations (customers are known from Comptoir.identify);
 * a customer who is not chatting costs one query and nothing is stored.
 */
import { validateCart, validateCartEventId } from '@comptoir/core';
import * as log from '../commerceLogs';
import { recordCartEvent, type CartOutcome } from '../data/cartEvents';
import { conversationsRef } from '../data/refs';
import { EndpointError, signedEndpoint } from './signedEndpoint';

/** The most conversations one customer can have going at once (one per device, in practice). */
const MAX_CONVERSATIONS = 5;

export const cartEvents = signedEndpoint(async (storeId, body) => {
  const eventId = validateCartEventId(body.eventId);
  if (!eventId.ok) throw new EndpointError(400, eventId.code, eventId.message);
  const customerId =
    typeof body.customerId === 'number' ? String(body.customerId) : body.customerId;
  if (typeof customerId !== 'string' || customerId.length === 0 || customerId.length > 200) {
    throw new EndpointError(
      400,
      'invalid-customer-id',
      'customerId must be the id you pass to Comptoir.identify().',
    );
  }
  const cart = validateCart(body.cart);
  if (!cart.ok) throw new EndpointError(400, cart.code, cart.message);
  if (body.occurredAt !== undefined && typeof body.occurredAt !== 'number') {
    throw new EndpointError(400, 'invalid-occurred-at', 'occurredAt must be Unix time in ms.');
  }
  const occurredAt = (body.occurredAt as number | undefined) ?? Date.now();

  const conversations = await conversationsRef(storeId)
    .where('shopper.customerId', '==', customerId)
    .where('status', '==', 'ongoing')
    .limit(MAX_CONVERSATIONS)
    .get();
  const outcomes: CartOutcome[] = [];
  for (const conversation of conversations.docs) {
    const outcome = await recordCartEvent(storeId, conversation.id, {
      eventId: eventId.value,
      occurredAt,
      cart: cart.value,
    });
    log.cartEvent(storeId, conversation.id, 'server', outcome);
    outcomes.push(outcome);
  }
  return {
    status: 200,
    body: {
      status: outcomes.length === 0 ? 'no-conversation' : (outcomes[0] as CartOutcome),
      conversations: outcomes.length,
    },
  };
});
