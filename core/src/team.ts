/**
 * Validation for the store's team: operators' display names, invitations and their links.
 * The Team and Join pages run these before calling, and the callables run them again, so a
 * person reads the same message under a field as the server would answer.
 */
import { isEmail, type FormResult } from './forms';
import type { ValidationResult } from './validation';

/** Shoppers read it under every reply: short enough for a chat bubble's byline. */
export const MEMBER_NAME_MAX_LENGTH = 40;

/** Invitation links are valid this long after the owner sends them. */
export const INVITATION_TTL_DAYS = 7;

// Control characters (tabs, newlines, escapes) and line/paragraph separators would break the
// byline under a message or smuggle layout into it.
const CONTROL = /[\p{Cc}\u2028\u2029]/u;

/** An operator's display name: trimmed, 1 to 40 characters, one line of plain text. */
export function validateMemberName(input: unknown): ValidationResult<string> {
  if (typeof input !== 'string') {
    return { ok: false, code: 'invalid-display-name', message: 'A name must be text.' };
  }
  const name = input.trim();
  if (name.length === 0) {
    return { ok: false, code: 'invalid-display-name', message: 'Enter a name.' };
  }
  const length = [...name].length;
  if (length > MEMBER_NAME_MAX_LENGTH) {
    return {
      ok: false,
      code: 'invalid-display-name',
      message: `A name can be at most ${MEMBER_NAME_MAX_LENGTH} characters (this one has ${length}).`,
    };
  }
  if (CONTROL.test(name)) {
    return {
      ok: false,
      code: 'invalid-display-name',
      message: 'A name must be on one line, without tabs or special characters.',
    };
  }
  return { ok: true, value: name };
}

/** Emails are compared case-insensitively everywhere in the team: keep one form. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export interface InvitationInput {
  email: string;
  displayName: string | null;
}

/** The owner's "Invite an operator" form: a valid email, and an optional suggested name. */
export function validateInvitationInput(input: unknown): FormResult<InvitationInput> {
  const source = (typeof input === 'object' && input ? input : {}) as Record<string, unknown>;
  const fields: Record<string, string> = {};
  const email = typeof source.email === 'string' ? normalizeEmail(source.email) : '';
  if (email.length === 0) fields.email = 'Enter the email address of the person to invite.';
  else if (!isEmail(email)) {
    fields.email = 'This email address does not look right (example: name@example.com).';
  }
  let displayName: string | null = null;
  const rawName = source.displayName;
  if (
    rawName !== undefined &&
    rawName !== null &&
    !(typeof rawName === 'string' && !rawName.trim())
  ) {
    const name = validateMemberName(rawName);
    if (name.ok) displayName = name.value;
    else fields.displayName = name.message;
  }
  const count = Object.keys(fields).length;
  if (count === 0) return { ok: true, value: { email, displayName } };
  return {
    ok: false,
    code: 'invalid-fields',
    message: count === 1 ? Object.values(fields)[0]! : `${count} fields need attention.`,
    fields,
  };
}

/** Raw tokens are 32 random bytes in base64url (43 characters). */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function validateInvitationToken(input: unknown): ValidationResult<string> {
  if (typeof input !== 'string' || !TOKEN.test(input)) {
    return {
      ok: false,
      code: 'invalid-token',
      message: 'This invitation link is not valid. Open it again from the email, in full.',
    };
  }
  return { ok: true, value: input };
}

const DOCUMENT_ID = /^[A-Za-z0-9]{1,40}$/;

export function validateInvitationId(input: unknown): ValidationResult<string> {
  if (typeof input !== 'string' || !DOCUMENT_ID.test(input)) {
    return {
      ok: false,
      code: 'invalid-invitation-id',
      message: 'This invitation id is not valid.',
    };
  }
  return { ok: true, value: input };
}

/** Auth uids: up to 128 characters, and never a path separator. */
export function validateMemberUid(input: unknown): ValidationResult<string> {
  if (
    typeof input !== 'string' ||
    input.length === 0 ||
    input.length > 128 ||
    input.includes('/')
  ) {
    return { ok: false, code: 'invalid-uid', message: 'This member id is not valid.' };
  }
  return { ok: true, value: input };
}

/** The Join page's link: `/join?store=<id>&token=<raw>`, on the console's origin. */
export const joinLink = (consoleUrl: string, storeId: string, token: string) =>
  `${consoleUrl.replace(/\/+$/, '')}/join?${new URLSearchParams({ store: storeId, token })}`;
