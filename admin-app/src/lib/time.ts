/**
 * Times as people read them in a chat: "just now", "3 min", "14:05", "Yesterday".
 * Relative labels go stale, so components read them through one shared ticking clock.
 */
import { onScopeDispose, shallowRef, type Ref } from 'vue';
import type { TimestampLike } from '@comptoir/core';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

// 24-hour clock: "14:05" stays short and unambiguous in a narrow list column.
const clockTime = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const shortDate = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const fullDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short' });

const startOfDay = (ms: number) => new Date(ms).setHours(0, 0, 0, 0);

/** Short label for a conversation list item. */
export function relativeTime(at: TimestampLike | null | undefined, now: number): string {
  // A pending server timestamp is, for all the operator cares, now.
  const ms = at?.toMillis() ?? now;
  const elapsed = now - ms;
  if (elapsed < MINUTE) return 'just now';
  if (elapsed < 60 * MINUTE) return `${Math.floor(elapsed / MINUTE)} min`;
  const today = startOfDay(now);
  if (ms >= today) return clockTime.format(ms);
  if (ms >= today - DAY) return 'Yesterday';
  return shortDate.format(ms);
}

/** Time of a message in the thread; older days get their date too. */
export function messageTime(at: TimestampLike, now: number): string {
  const ms = at.toMillis();
  if (ms >= startOfDay(now)) return clockTime.format(ms);
  return `${shortDate.format(ms)}, ${clockTime.format(ms)}`;
}

/** Tooltip and `datetime` helpers. */
export const longTime = (at: TimestampLike) => fullDate.format(at.toMillis());
export const isoTime = (at: TimestampLike) => new Date(at.toMillis()).toISOString();

// One interval for the whole app, started by the first subscriber, stopped by the last.
const now = shallowRef(Date.now());
let subscribers = 0;
let timer: ReturnType<typeof setInterval> | undefined;

/** Current time in ms, refreshed every 20 seconds while any component uses it. */
export function useNow(): Readonly<Ref<number>> {
  subscribers += 1;
  if (subscribers === 1) {
    now.value = Date.now();
    timer = setInterval(() => (now.value = Date.now()), 20_000);
  }
  onScopeDispose(() => {
    subscribers -= 1;
    if (subscribers === 0) clearInterval(timer);
  });
  return now;
}
