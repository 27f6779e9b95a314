import { describe, expect, it } from 'vitest';
import { shopperPresence, SHOPPER_PRESENCE_TTL_MS } from './presence';

describe('shopper presence', () => {
  it('is on the store while heartbeats are fresh', () => {
    expect(shopperPresence(1000, null, 2000)).toBe('on-store');
  });

  it('has left once the page said goodbye, until a newer heartbeat (the next page) arrives', () => {
    expect(shopperPresence(1000, 1500, 2000)).toBe('left');
    expect(shopperPresence(1600, 1500, 2000)).toBe('on-store');
  });

  it('has left when heartbeats stopped without a goodbye (a crash, a lost connection)', () => {
    expect(shopperPresence(1000, null, 1000 + SHOPPER_PRESENCE_TTL_MS + 1)).toBe('left');
    expect(shopperPresence(null, null, 0)).toBe('left');
  });
});
