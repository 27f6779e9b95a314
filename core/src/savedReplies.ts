/**
 * Saved replies: short canned answers an operator inserts from the composer. Checked here
 * for the console's form; the security rules enforce the same bounds on every write.
 */
import { validateMessageText } from './validation';
import type { FormResult } from './forms';

export const SAVED_REPLY_TITLE_MAX = 60;

export interface SavedReplyInput {
  title: string;
  text: string;
}

export function validateSavedReply(input: unknown): FormResult<SavedReplyInput> {
  const source = (typeof input === 'object' && input ? input : {}) as Record<string, unknown>;
  const fields: Record<string, string> = {};
  const title = typeof source.title === 'string' ? source.title.trim() : '';
  if (!title) fields.title = 'Give the reply a short title, to find it in the composer.';
  else if (title.length > SAVED_REPLY_TITLE_MAX) {
    fields.title = `Keep the title to ${SAVED_REPLY_TITLE_MAX} characters.`;
  }
  const text = validateMessageText(source.text);
  if (!text.ok) fields.text = text.code === 'empty-message' ? 'Write the reply.' : text.message;
  const count = Object.keys(fields).length;
  if (count === 0) return { ok: true, value: { title, text: text.ok ? text.value : '' } };
  return {
    ok: false,
    code: 'invalid-fields',
    message: count === 1 ? Object.values(fields)[0]! : `${count} fields need attention.`,
    fields,
  };
}

/** Replies whose title or text contains every word of the query, titles first. */
export function filterSavedReplies<T extends SavedReplyInput>(replies: T[], query: string): T[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = (value: string) => words.every((w) => value.toLowerCase().includes(w));
  if (words.length === 0) return replies;
  return [
    ...replies.filter((r) => matches(r.title)),
    ...replies.filter((r) => !matches(r.title) && matches(`${r.title} ${r.text}`)),
  ];
}
