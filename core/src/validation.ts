/**
 * Validation shared by the widget, the console and the functions. Every failure carries
 * an error code (stable, for programs) and a human message (for people), the same pair
 * the callables return as `HttpsError` details.
 */

export const MESSAGE_MAX_LENGTH = 2000;
export const DISPLAY_NAME_MAX_LENGTH = 60;

export type ValidationResult<T> =
  { ok: true; value: T } | { ok: false; code: string; message: string };

const ok = <T>(value: T): ValidationResult<T> => ({ ok: true, value });
const fail = <T>(code: string, message: string): ValidationResult<T> => ({
  ok: false,
  code,
  message,
});

/** Store ids are short slugs: they appear in script tags, URLs and document paths. */
const STORE_ID = /^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$/;

export function validateStoreId(input: unknown): ValidationResult<string> {
  if (typeof input !== 'string' || input.length === 0) {
    return fail('invalid-store-id', 'A store id is required.');
  }
  if (!STORE_ID.test(input)) {
    return fail(
      'invalid-store-id',
      'A store id is 3 to 40 lowercase letters, digits or dashes, and cannot start or end with a dash.',
    );
  }
  return ok(input);
}

/** Firestore auto-ids are 20 characters from [A-Za-z0-9]; anything else is not ours. */
const DOCUMENT_ID = /^[A-Za-z0-9]{1,40}$/;

export function validateConversationId(input: unknown): ValidationResult<string> {
  if (typeof input !== 'string' || !DOCUMENT_ID.test(input)) {
    return fail('invalid-conversation-id', 'This conversation id is not valid.');
  }
  return ok(input);
}

/**
 * A chat message: trimmed, 1 to 2000 characters. The rules enforce the same bounds on
 * the stored text, so the widget and the console never send what would be refused.
 */
export function validateMessageText(input: unknown): ValidationResult<string> {
  if (typeof input !== 'string') {
    return fail('invalid-message', 'A message must be text.');
  }
  const text = input.trim();
  if (text.length === 0) {
    return fail('empty-message', 'Write a message before sending.');
  }
  if (text.length > MESSAGE_MAX_LENGTH) {
    return fail(
      'message-too-long',
      `A message can be at most ${MESSAGE_MAX_LENGTH} characters (this one has ${text.length}).`,
    );
  }
  return ok(text);
}

/** Primary language subtag of a BCP 47 tag ("fr-CA" → "fr"), or null when unusable. */
export function primaryLanguage(tag: unknown): string | null {
  if (typeof tag !== 'string') return null;
  const match = /^([a-zA-Z]{2,3})(?:[-_].*)?$/.exec(tag.trim());
  return match ? match[1]!.toLowerCase() : null;
}
