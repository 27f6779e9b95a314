/**
 * Whether a shopper is on the store: their pages send a heartbeat every minute while open
 * and a keepalive request when they go away. Navigating between pages sends "left" then a
 * new heartbeat at once, so the newest of the two wins.
 */

/** Heartbeats come every 60 s; two missed ones mean the shopper is gone. */
export const SHOPPER_PRESENCE_TTL_MS = 130_000;

export type ShopperPresence = 'on-store' | 'left';

export function shopperPresence(
  seenAtMs: number | null | undefined,
  leftAtMs: number | null | undefined,
  nowMs: number,
): ShopperPresence {
  if (!seenAtMs || nowMs - seenAtMs > SHOPPER_PRESENCE_TTL_MS) return 'left';
  return leftAtMs && leftAtMs >= seenAtMs ? 'left' : 'on-store';
}
