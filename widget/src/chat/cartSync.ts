/**
 * Passes the store's cart reports on to the server, cheaply: nothing before the shopper
 * has a conversation (the latest cart waits and goes with the conversation's start), one
 * call at a time with only the newest cart kept while one is in flight (a burst of clicks
 * costs at most two calls), and nothing when the cart is the one already reported.
 */
import { validateCart } from '@comptoir/core';
import type { HostToChat } from '../protocol';
import { reportCart } from './commerceData';

type CartMessage = Extract<HostToChat, { type: 'cart' }>;

const eventId = () => `w-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

export function cartSync(storeId: string, conversationId: () => string | null, memoryKey: string) {
  let pending: CartMessage | null = null;
  let inFlight = false;
  const sentKey = `${memoryKey}:cart`;

  async function flush() {
    const id = conversationId();
    if (!id || !pending || inFlight) return;
    const report = pending;
    pending = null;
    const cart = validateCart(report.cart);
    if (!cart.ok) {
      console.error(`[Comptoir] cart(): ${cart.message}`);
      return;
    }
    // Every page of the store reports the cart on load: the same cart again is no news.
    const fingerprint = JSON.stringify([id, cart.value]);
    if (localStorage.getItem(sentKey) === fingerprint) return;
    inFlight = true;
    try {
      await reportCart({
        storeId,
        conversationId: id,
        eventId: report.eventId ?? eventId(),
        occurredAt: report.occurredAt,
        cart: cart.value,
      });
      localStorage.setItem(sentKey, fingerprint);
    } catch (error) {
      console.warn('[Comptoir] The cart could not be reported.', error);
    } finally {
      inFlight = false;
    }
    await flush();
  }

  return {
    receive(message: CartMessage) {
      pending = message;
      void flush();
    },
    /** Sends the waiting cart, once there is a conversation to record it on. */
    flush: () => void flush(),
  };
}
