/**
 * History search and row ids, shared by the archiving function (which writes `keywords`)
 * and the console (which queries them): both must fold text the same way.
 *
 * Firestore has no full-text search. Each history row carries a `keywords` array of folded
 * words (lowercase, accents removed) and the console looks one key up with
 * `array-contains`. What a key can match:
 * - a name, email or customer id word, or the start of a name word ("lov" → Lovelace);
 * - a whole name or email ("ada lovelace", "ada@example.com"), a customer id, phone digits;
 * - a whole word of the messages (any author), e.g. "lamp".
 */
import type { ValidationResult } from './validation';

/** Keywords per row: about 15 KB at most, and 1,000 index entries per sort order. */
export const HISTORY_KEYWORDS_MAX = 1000;
/** Longer "words" are hashes, links or noise: not worth an index entry. */
const WORD_MAX_LENGTH = 40;
/** Name prefixes from 2 characters ("lo", "lov", …) up to this length. */
const PREFIX_MAX_LENGTH = 15;
/** Search keys and stored keywords are cut to this length (an email stays whole). */
const KEY_MAX_LENGTH = 120;

/** Lowercase without accents: "Élodie" → "elodie". */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** Folded runs of letters and digits. */
export function searchWords(text: string): string[] {
  return (foldText(text).match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length <= WORD_MAX_LENGTH);
}

/** Message words worth indexing: two characters or more, or a number ("order 7"). */
function messageWords(text: string): string[] {
  return searchWords(text).filter((w) => w.length >= 2 || /^\p{N}+$/u.test(w));
}

const phrase = (text: string) => searchWords(text).join(' ').slice(0, KEY_MAX_LENGTH);

function prefixes(word: string): string[] {
  const out: string[] = [];
  for (let n = 2; n < Math.min(word.length, PREFIX_MAX_LENGTH + 1); n++) out.push(word.slice(0, n));
  return out;
}

/** Who the row is about, as search keys. */
export interface HistoryIdentity {
  displayName: string;
  customerId?: string | null;
  email?: string | null;
  phone?: string | null;
}

/** Keys that find a row by its name, email, customer id or phone. */
export function identityKeywords(identity: HistoryIdentity): string[] {
  const keys: string[] = [];
  const nameWords = searchWords(identity.displayName);
  keys.push(phrase(identity.displayName), ...nameWords, ...nameWords.flatMap(prefixes));
  if (identity.email) {
    const email = foldText(identity.email.trim());
    const local = email.split('@')[0] ?? '';
    keys.push(email.slice(0, KEY_MAX_LENGTH), ...searchWords(email));
    keys.push(...searchWords(local).flatMap(prefixes));
  }
  if (identity.customerId) {
    // As a phrase: the search key of "CUST-1001" is "cust 1001" (punctuation splits words).
    keys.push(phrase(identity.customerId), ...searchWords(identity.customerId));
  }
  const digits = identity.phone?.replace(/\D/g, '') ?? '';
  if (digits.length >= 4) keys.push(digits);
  return unique(keys);
}

/** Keys that find a row by a word of its messages. */
export function messageKeywords(texts: readonly string[]): string[] {
  return unique(texts.flatMap(messageWords));
}

/**
 * The row's keywords after adding a conversation: identity first, then the newest
 * conversation's words, then what the row had. When the cap is reached the oldest
 * conversations' words drop out first; the identity always stays searchable.
 */
export function mergeKeywords(
  identity: readonly string[],
  newest: readonly string[],
  existing: readonly string[],
): string[] {
  return unique([...identity, ...newest, ...existing]).slice(0, HISTORY_KEYWORDS_MAX);
}

function unique(keys: readonly string[]): string[] {
  return [...new Set(keys.filter((k) => k.length > 0))];
}

/**
 * The one key the console queries for what the operator typed, or null for an empty
 * search. An email is looked up whole, several words as a whole name, one word as itself.
 */
export function historySearchKey(query: string): string | null {
  const folded = foldText(query).trim();
  if (folded.includes('@')) return folded.replace(/\s+/g, '').slice(0, KEY_MAX_LENGTH) || null;
  // Not searchWords: a too-long word must still search (and find nothing), not list all.
  const words = folded.match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return null;
  return words.join(' ').slice(0, KEY_MAX_LENGTH);
}

/** "Visitor 12" → "visitor 0000000012": numbers sort by value inside a name. */
export function historySortName(displayName: string): string {
  return phrase(displayName).replace(/\d+/g, (digits) => digits.padStart(10, '0'));
}

/** A guest conversation's own row. */
export const guestHistoryRowId = (conversationId: string) => `guest-${conversationId}`;

/** Row ids the functions make: `customer-` + 64 hex (sha256), or `guest-` + a document id. */
const HISTORY_ROW_ID = /^(customer-[0-9a-f]{64}|guest-[A-Za-z0-9]{1,40})$/;

/** Rows one `deleteHistory` call may delete: a page of the History table at most. */
export const HISTORY_DELETE_MAX = 50;

/** The row ids of a `deleteHistory` call: 1 to 50 valid ids, duplicates dropped. */
export function validateHistoryRowIds(input: unknown): ValidationResult<string[]> {
  if (!Array.isArray(input) || input.length === 0 || input.length > HISTORY_DELETE_MAX) {
    return {
      ok: false,
      code: 'invalid-row-ids',
      message: `Choose between 1 and ${HISTORY_DELETE_MAX} history rows to delete.`,
    };
  }
  for (const id of input) {
    if (typeof id !== 'string' || !HISTORY_ROW_ID.test(id)) {
      return {
        ok: false,
        code: 'invalid-row-id',
        message: `“${String(id).slice(0, 80)}” is not a history row id.`,
      };
    }
  }
  return { ok: true, value: [...new Set(input as string[])] };
}
