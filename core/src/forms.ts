/**
 * Validation of the two forms that cross the trust boundary in issue "Availability": the
 * merchant's store settings and the shopper's offline contact form. The widget, the
 * console and the functions all run these, so a person sees the same message per field
 * before sending as the server would answer after.
 */
import {
  CONTACT_FIELDS,
  type ContactField,
  type ContactFieldsSettings,
  type CustomerIdentity,
  type EmailCapture,
  type StoreSettings,
} from './types';

/** A form either passes, cleaned, or fails with one human message per field. */
export type FormResult<T> =
  | { ok: true; value: T }
  | { ok: false; code: 'invalid-fields'; message: string; fields: Record<string, string> };

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/;
/** International or local numbers: digits with spaces, dots, dashes, parentheses, one leading +. */
const PHONE = /^\+?[0-9 .()-]{6,24}$/;

export const LIMITS = {
  name: 80,
  email: 254,
  phone: 24,
  message: 2000,
  maxConcurrentChats: { min: 1, max: 100 },
} as const;

export const DEFAULT_CONTACT_FIELDS: ContactFieldsSettings = {
  firstName: { requested: true, required: false },
  lastName: { requested: false, required: false },
  email: { requested: true, required: true },
  phone: { requested: false, required: false },
  message: { requested: true, required: true },
};

export const DEFAULT_STORE_SETTINGS: StoreSettings = {
  maxConcurrentChats: 5,
  offlineMode: true,
  notificationEmail: '',
  senderName: '',
  senderEmail: '',
  contactFields: DEFAULT_CONTACT_FIELDS,
  emailCapture: 'after-first-message',
};

export const EMAIL_CAPTURE_CHOICES = [
  'after-first-message',
  'pre-chat',
  'pre-chat-required',
] as const;

export const isEmail = (value: string) => value.length <= LIMITS.email && EMAIL.test(value);
export const isPhone = (value: string) =>
  PHONE.test(value) && (value.match(/[0-9]/g)?.length ?? 0) >= 6;

function finish<T>(value: T, fields: Record<string, string>): FormResult<T> {
  const count = Object.keys(fields).length;
  if (count === 0) return { ok: true, value };
  return {
    ok: false,
    code: 'invalid-fields',
    message: count === 1 ? Object.values(fields)[0]! : `${count} fields need attention.`,
    fields,
  };
}

const text = (input: unknown) => (typeof input === 'string' ? input.trim() : '');

function validateContactFieldsSettings(
  input: unknown,
  fields: Record<string, string>,
): ContactFieldsSettings {
  const source = (typeof input === 'object' && input ? input : {}) as Record<string, unknown>;
  const result = {} as ContactFieldsSettings;
  for (const name of CONTACT_FIELDS) {
    const entry = (source[name] ?? {}) as { requested?: unknown; required?: unknown };
    const requested = entry.requested === true;
    result[name] = { requested, required: requested && entry.required === true };
  }
  if (!CONTACT_FIELDS.some((name) => result[name].requested)) {
    fields.contactFields = 'Ask for at least one field, or the form would be empty.';
  } else if (!result.email.requested && !result.phone.requested && !result.message.requested) {
    fields.contactFields = 'Ask for an email, a phone number or a message, so you can answer.';
  }
  return result;
}

/** The merchant's settings, as the Settings page sends them to `saveStoreSettings`. */
export function validateStoreSettings(input: unknown): FormResult<StoreSettings> {
  const source = (typeof input === 'object' && input ? input : {}) as Record<string, unknown>;
  const fields: Record<string, string> = {};
  const { min, max } = LIMITS.maxConcurrentChats;
  const cap = source.maxConcurrentChats;
  if (typeof cap !== 'number' || !Number.isInteger(cap) || cap < min || cap > max) {
    fields.maxConcurrentChats = `Choose a whole number from ${min} to ${max}.`;
  }
  if (typeof source.offlineMode !== 'boolean') fields.offlineMode = 'Choose on or off.';
  // The emails only concern offline messages: with offline mode off they may stay empty
  // (a store that never takes messages needs no address), but what is typed must be valid.
  const needed = source.offlineMode !== false;
  const notificationEmail = text(source.notificationEmail);
  if ((needed || notificationEmail) && !isEmail(notificationEmail)) {
    fields.notificationEmail = 'Enter the address where offline messages should go.';
  }
  const senderName = text(source.senderName);
  if ((needed && senderName.length === 0) || senderName.length > LIMITS.name) {
    fields.senderName = `Enter a sender name of at most ${LIMITS.name} characters.`;
  }
  const senderEmail = text(source.senderEmail);
  if ((needed || senderEmail) && !isEmail(senderEmail)) {
    fields.senderEmail = 'Enter a valid sender address.';
  }
  const contactFields = validateContactFieldsSettings(source.contactFields, fields);
  // Older callers send no choice: the default, asking after the first message.
  const emailCapture = source.emailCapture ?? DEFAULT_STORE_SETTINGS.emailCapture;
  if (!EMAIL_CAPTURE_CHOICES.includes(emailCapture as EmailCapture)) {
    fields.emailCapture = 'Choose when to ask for the shopper’s email.';
  }
  return finish(
    {
      emailCapture: emailCapture as EmailCapture,
      maxConcurrentChats: cap as number,
      offlineMode: source.offlineMode as boolean,
      notificationEmail,
      senderName,
      senderEmail,
      contactFields,
    },
    fields,
  );
}

export type ContactFieldProblem = 'required' | 'not-text' | 'too-long' | 'email' | 'phone';

export const contactFieldLimit = (name: ContactField) =>
  name === 'message'
    ? LIMITS.message
    : name === 'email'
      ? LIMITS.email
      : name === 'phone'
        ? LIMITS.phone
        : LIMITS.name;

/**
 * What is wrong with one contact field, as a key the widget translates; null when fine.
 * Shared by validateContactForm (server, English messages) and the widget (its languages).
 */
export function contactFieldProblem(
  name: ContactField,
  raw: unknown,
  setting: { required: boolean },
): ContactFieldProblem | null {
  if (raw !== undefined && raw !== null && typeof raw !== 'string') return 'not-text';
  const v = text(raw);
  if (v.length === 0) return setting.required ? 'required' : null;
  if (v.length > contactFieldLimit(name)) return 'too-long';
  if (name === 'email' && !isEmail(v)) return 'email';
  if (name === 'phone' && !isPhone(v)) return 'phone';
  return null;
}

const FIELD_LABELS: Record<ContactField, string> = {
  firstName: 'first name',
  lastName: 'last name',
  email: 'email',
  phone: 'phone number',
  message: 'message',
};

/**
 * A shopper's contact form against the store's field settings: only requested fields are
 * kept, required ones must be present, formats and lengths are checked per field.
 * Messages are in English here; the widget shows its own translations by error key.
 */
export function validateContactForm(
  input: unknown,
  settings: ContactFieldsSettings,
): FormResult<Partial<Record<ContactField, string>>> {
  const source = (typeof input === 'object' && input ? input : {}) as Record<string, unknown>;
  const value: Partial<Record<ContactField, string>> = {};
  const fields: Record<string, string> = {};
  for (const name of CONTACT_FIELDS) {
    if (!settings[name].requested) continue;
    const label = FIELD_LABELS[name];
    const problem = contactFieldProblem(name, source[name], settings[name]);
    if (problem === null) {
      const v = text(source[name]);
      if (v) value[name] = v;
      continue;
    }
    fields[name] = {
      required: `Please enter your ${label}.`,
      'not-text': `The ${label} must be text.`,
      'too-long': `The ${label} can be at most ${contactFieldLimit(name)} characters.`,
      email: 'This email address does not look right (example: name@example.com).',
      phone: 'This phone number does not look right (digits, spaces and + only).',
    }[problem];
  }
  if (Object.keys(value).length === 0 && Object.keys(fields).length === 0) {
    fields.form = 'Fill in at least one field.';
  }
  return finish(value, fields);
}

const SIGNATURE = /^[0-9a-f]{64}$/i;

/**
 * The customer a store's page identifies. The store sends what its own server knows; we
 * check shapes here and the signature in the function, and keep only what we show.
 */
export function validateCustomerIdentity(input: unknown): FormResult<CustomerIdentity> {
  const source = (typeof input === 'object' && input ? input : {}) as Record<string, unknown>;
  const fields: Record<string, string> = {};
  const id =
    typeof source.id === 'string' || typeof source.id === 'number' ? String(source.id) : '';
  if (id.length === 0 || id.length > 128)
    fields.id = 'A customer id of 1 to 128 characters is required.';
  const name = text(source.name);
  if (name.length > LIMITS.name) fields.name = `The name can be at most ${LIMITS.name} characters.`;
  const email = text(source.email);
  if (email && !isEmail(email)) fields.email = 'This email address does not look right.';
  const phone = text(source.phone);
  if (phone && !isPhone(phone)) fields.phone = 'This phone number does not look right.';
  const signature = text(source.signature);
  if (!SIGNATURE.test(signature)) {
    fields.signature =
      'A signature is required: the hex HMAC-SHA256 of the customer id, computed by your server with the store secret.';
  }
  return finish(
    {
      id,
      name,
      ...(email ? { email } : {}),
      ...(phone ? { phone } : {}),
      signature: signature.toLowerCase(),
    },
    fields,
  );
}
