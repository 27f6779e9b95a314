/**
 * The spam guards' counters (`stores/{storeId}/rateLimits/{key}`), taken inside the caller's
 * transaction so that counting an attempt and acting on it commit together.
 */
import type { Transaction } from 'firebase-admin/firestore';
import { takeSlot, type RateWindow } from '../domain/rateLimit';
import { rateLimitRef } from './refs';

export interface RateLimit {
  /** The counter's key, e.g. `shopper-{uid}` or `ip-{hash}`. */
  key: string;
  limit: { max: number; windowSeconds: number };
}

/**
 * Takes one slot in every window, or none: when any is full, nothing is counted and this
 * answers how many minutes (at least 1) until every full window has room again; else null.
 * Reads first and writes last, as transactions require: call it before the caller's writes.
 */
export async function takeSlots(
  tx: Transaction,
  storeId: string,
  limits: readonly RateLimit[],
  nowMs: number,
): Promise<number | null> {
  const refs = limits.map(({ key }) => rateLimitRef(storeId, key));
  const windows = await Promise.all(refs.map((ref) => tx.get(ref)));
  const decisions = limits.map(({ limit }, i) =>
    takeSlot(windows[i]!.data() as RateWindow | undefined, nowMs, limit),
  );
  const refused = decisions.filter((d) => !d.allowed);
  if (refused.length > 0) {
    const retryAt = Math.max(...refused.map((d) => d.retryAt ?? nowMs));
    return Math.max(1, Math.ceil((retryAt - nowMs) / 60_000));
  }
  decisions.forEach((d, i) => tx.set(refs[i]!, d.next));
  return null;
}
