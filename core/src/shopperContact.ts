/**
 * The email (and name) a shopper leaves in the chat so the merchant's replies reach them
 * after they leave the store. Validated the same way in the widget and the function.
 */
import { isEmail, LIMITS, type FormResult } from './forms';

export interface ShopperContactInput {
  email: string;
  name: string | null;
}

export function validateShopperContact(input: unknown): FormResult<ShopperContactInput> {
  const source = (typeof input === 'object' && input ? input : {}) as Record<string, unknown>;
  const fields: Record<string, string> = {};
  const email = typeof source.email === 'string' ? source.email.trim() : '';
  const name = typeof source.name === 'string' ? source.name.trim().replace(/\s+/g, ' ') : '';
  if (!email) fields.email = 'Enter your email address so we can answer you.';
  else if (!isEmail(email)) fields.email = 'Enter a valid email address, like name@example.com.';
  if (name.length > LIMITS.name) fields.name = `The name can be at most ${LIMITS.name} characters.`;
  const count = Object.keys(fields).length;
  if (count > 0) {
    return {
      ok: false,
      code: 'invalid-fields',
      message: count === 1 ? Object.values(fields)[0]! : `${count} fields need attention.`,
      fields,
    };
  }
  return { ok: true, value: { email: email.toLowerCase(), name: name || null } };
}
