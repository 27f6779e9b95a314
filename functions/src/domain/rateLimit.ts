/** A fixed-window counter: pure, so the spam guard's arithmetic is unit-tested. */

export interface RateWindow {
  windowStart: number;
  count: number;
}

export interface RateDecision {
  allowed: boolean;
  next: RateWindow;
  /** When the caller may try again (ms since epoch), if refused. */
  retryAt: number | null;
}

export function takeSlot(
  current: RateWindow | undefined,
  nowMs: number,
  limit: { max: number; windowSeconds: number },
): RateDecision {
  const windowMs = limit.windowSeconds * 1000;
  const fresh = !current || nowMs - current.windowStart >= windowMs;
  const window = fresh ? { windowStart: nowMs, count: 0 } : current;
  if (window.count >= limit.max) {
    return { allowed: false, next: window, retryAt: window.windowStart + windowMs };
  }
  return { allowed: true, next: { ...window, count: window.count + 1 }, retryAt: null };
}
