/**
 * The inbox's two chimes, synthesised with Web Audio (no sound files to download).
 * Browsers only let a page play sound after the person has interacted with it, so the
 * audio context is created on the first click or key press, and a chime asked for before
 * that is skipped rather than queued (a late burst of chimes would only confuse).
 */
import { readonly, ref } from 'vue';

export type Chime = 'conversation' | 'message';

/** Notes of each chime, in Hz: a rising pair for a new shopper, one note for a message. */
export const CHIME_NOTES: Record<Chime, readonly number[]> = {
  conversation: [587.33, 880],
  message: [698.46],
};
const NOTE_SECONDS = 0.16;

let context: AudioContext | null = null;
const unlocked = ref(false);
/** Whether the browser lets the console play sound yet (after a first interaction). */
export const audioUnlocked = readonly(unlocked);

function unlock() {
  try {
    context ??= new AudioContext();
    void context.resume().then(() => (unlocked.value = context?.state === 'running'));
  } catch {
    // No Web Audio: the console stays silent, everything else works.
  }
}

/** Call once at start-up: waits for the first interaction that browsers accept. */
export function listenForAudioUnlock() {
  const events = ['pointerdown', 'keydown'] as const;
  const handler = () => {
    unlock();
    for (const e of events) window.removeEventListener(e, handler, true);
  };
  for (const e of events) window.addEventListener(e, handler, true);
}

/** Plays a chime if the browser allows it; returns whether it did. */
export function playChime(chime: Chime): boolean {
  if (!context || context.state !== 'running') return false;
  const start = context.currentTime;
  CHIME_NOTES[chime].forEach((frequency, i) => {
    const at = start + i * NOTE_SECONDS;
    const oscillator = context!.createOscillator();
    const gain = context!.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = frequency;
    // A soft attack and decay: a chime, not a beep.
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.18, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + NOTE_SECONDS * 1.8);
    oscillator.connect(gain).connect(context!.destination);
    oscillator.start(at);
    oscillator.stop(at + NOTE_SECONDS * 2);
  });
  return true;
}
