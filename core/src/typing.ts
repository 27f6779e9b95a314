/**
 * Typing indicators, the same on both sides: a keystroke writes "typing now" at most every
 * few seconds, sending or clearing the box writes "stopped", and readers treat a mark older
 * than TYPING_TTL_MS as stopped (so a closed tab never leaves "typing…" behind).
 */

export const TYPING_TTL_MS = 6000;
export const TYPING_THROTTLE_MS = 2500;

/** Whether a typing mark (ms since epoch, or null) still means "typing" at `nowMs`. */
export const isTyping = (atMs: number | null | undefined, nowMs: number) =>
  atMs !== null && atMs !== undefined && nowMs - atMs < TYPING_TTL_MS;

/**
 * Turns keystrokes into few writes: `input()` on every keystroke, `stop()` when the message
 * is sent or the box emptied. `write(true)` marks typing, `write(false)` clears it.
 */
export function typingNotifier(
  write: (typing: boolean) => Promise<unknown>,
  now: () => number = Date.now,
) {
  let lastMark: number | null = null;
  let marked = false;
  const send = (typing: boolean) => {
    write(typing).catch(() => undefined); // an indicator is best effort, never an error
  };
  return {
    input(text: string) {
      if (text.trim() === '') return this.stop();
      if (lastMark !== null && now() - lastMark < TYPING_THROTTLE_MS) return;
      lastMark = now();
      marked = true;
      send(true);
    },
    stop() {
      if (!marked) return;
      marked = false;
      lastMark = null;
      send(false);
    },
  };
}
