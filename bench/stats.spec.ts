import { describe, expect, it } from 'vitest';
import { deliveryFaults, percentile, round, summarize } from './stats';

describe('percentile (nearest rank)', () => {
  const tens = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];

  it('the median of ten values is the fifth, and p95 the tenth', () => {
    expect(percentile(tens, 50)).toBe(50);
    expect(percentile(tens, 95)).toBe(100);
  });

  it('does not depend on the order the values were measured in', () => {
    expect(percentile([...tens].reverse(), 50)).toBe(50);
    expect(percentile([3, 1, 2], 100)).toBe(3);
  });

  it('p95 of 400 timings is the 380th smallest: 20 slower ones may exceed it', () => {
    const timings = Array.from({ length: 400 }, (_, i) => i + 1);
    expect(percentile(timings, 95)).toBe(380);
  });

  it('p0 is the smallest value and a single value is every percentile', () => {
    expect(percentile(tens, 0)).toBe(10);
    expect(percentile([7], 50)).toBe(7);
    expect(percentile([7], 95)).toBe(7);
  });

  it('refuses no values and percentiles outside 0–100', () => {
    expect(() => percentile([], 50)).toThrow(/no values/);
    expect(() => percentile(tens, 101)).toThrow(/outside/);
    expect(() => percentile(tens, Number.NaN)).toThrow(/outside/);
  });
});

describe('summarize', () => {
  it('gives count, p50, p95 and max', () => {
    expect(summarize([5, 1, 4, 2, 3])).toEqual({ count: 5, p50: 3, p95: 5, max: 5 });
  });
});

describe('round', () => {
  it('keeps the given number of decimals', () => {
    expect(round(1.256, 2)).toBe(1.26);
    expect(round(28.74)).toBe(28.7);
    expect(round(3.5, 0)).toBe(4);
  });
});

describe('deliveryFaults', () => {
  it('a conversation received in send order has no faults', () => {
    expect(deliveryFaults([0, 1, 2, 3])).toEqual({ duplicates: 0, outOfOrder: 0 });
  });

  it('counts a message seen twice as a duplicate, not as out of order', () => {
    expect(deliveryFaults([0, 1, 1, 2])).toEqual({ duplicates: 1, outOfOrder: 0 });
  });

  it('counts a message that arrives after a later one as out of order', () => {
    expect(deliveryFaults([0, 2, 1, 3])).toEqual({ duplicates: 0, outOfOrder: 1 });
  });

  it('a missing message is neither (the load phase counts deliveries separately)', () => {
    expect(deliveryFaults([0, 2, 3])).toEqual({ duplicates: 0, outOfOrder: 0 });
  });
});
