import { describe, expect, it } from 'vitest';
import { isTyping, typingNotifier, TYPING_THROTTLE_MS, TYPING_TTL_MS } from './typing';

describe('typing indicators', () => {
  it('a burst of keystrokes writes "typing" once per throttle period, and stopping writes once', () => {
    let t = 0;
    const writes: boolean[] = [];
    const notifier = typingNotifier(
      async (typing) => writes.push(typing),
      () => t,
    );
    notifier.input('H');
    t += 100;
    notifier.input('He');
    t += TYPING_THROTTLE_MS;
    notifier.input('Hel');
    notifier.stop();
    notifier.stop();
    expect(writes).toEqual([true, true, false]);
  });

  it('emptying the box counts as stopping', () => {
    const writes: boolean[] = [];
    const notifier = typingNotifier(
      async (typing) => writes.push(typing),
      () => 0,
    );
    notifier.input('x');
    notifier.input('   ');
    expect(writes).toEqual([true, false]);
  });

  it('a mark older than the time-to-live no longer shows as typing', () => {
    expect(isTyping(1000, 1000 + TYPING_TTL_MS - 1)).toBe(true);
    expect(isTyping(1000, 1000 + TYPING_TTL_MS)).toBe(false);
    expect(isTyping(null, 0)).toBe(false);
  });
});
