/** Friendly names for shoppers the store has not identified. */

/** "Visitor 12": short, distinct within a store, and never a real person's name. */
export const guestDisplayName = (guestNumber: number) => `Visitor ${guestNumber}`;

/** Two-letter initials for avatars ("Visitor 12" → "V1", "Ada Lovelace" → "AL"). */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  if (words.length === 1) return words[0]!.slice(0, 2).toUpperCase();
  return (words[0]![0]! + words[1]![0]!).toUpperCase();
}
