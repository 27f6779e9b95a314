/**
 * The typed postMessage protocol between the loader (on the store page) and the chat app
 * (in the iframe). Both sides name the other's origin when posting and check the sender's
 * origin and window before reading anything; unknown message types are ignored.
 */

import type { CustomerIdentity, DiscountDetail } from '@comptoir/core';

export const PROTOCOL = 'comptoir/1';

/** Chat app → loader. */
export type ChatToHost =
  | { type: 'ready' }
  | { type: 'close' }
  | { type: 'unread'; count: number }
  | { type: 'conversation'; live: boolean }
  | { type: 'identified'; requestId: number; ok: boolean; code?: string; message?: string }
  /** The shopper applied a discount: the store's page applies it to its cart. */
  | { type: 'discount'; discount: DiscountDetail };

/** Loader → chat app. */
export type HostToChat =
  | { type: 'open' }
  | { type: 'closed' }
  | { type: 'identify'; requestId: number; customer: CustomerIdentity }
  /** The store's cart, as given to Comptoir.cart() (validated by the chat app). */
  | { type: 'cart'; cart: unknown; eventId?: string; occurredAt: number };

export type Envelope<T> = T & { protocol: typeof PROTOCOL };

export function envelope<T extends { type: string }>(message: T): Envelope<T> {
  return { ...message, protocol: PROTOCOL };
}

/** True when `data` looks like one of our messages (the origin is checked by the caller). */
export function isEnvelope(data: unknown): data is Envelope<{ type: string }> {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as { protocol?: unknown }).protocol === PROTOCOL &&
    typeof (data as { type?: unknown }).type === 'string'
  );
}
