import { describe, expect, it } from 'vitest';
import { takeSlot } from './rateLimit';

const limit = { max: 3, windowSeconds: 600 };

describe('the spam guard’s rate limit', () => {
  it('allows up to the limit within a window, then refuses until it ends', () => {
    let window = undefined;
    for (let i = 0; i < 3; i++) {
      const d = takeSlot(window, 1000 + i, limit);
      expect(d.allowed).toBe(true);
      window = d.next;
    }
    const refused = takeSlot(window, 2000, limit);
    expect(refused).toMatchObject({ allowed: false, retryAt: 1000 + 600_000 });
  });

  it('starts a fresh window once the previous one is over', () => {
    const full = { windowStart: 0, count: 3 };
    expect(takeSlot(full, 600_000, limit)).toMatchObject({
      allowed: true,
      next: { windowStart: 600_000, count: 1 },
    });
  });
});
