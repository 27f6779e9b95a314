/**
 * Verified customer identity: the store's server signs the customer id with the store's
 * secret (HMAC-SHA256, hex), the way Intercom, Chatwoot and Tawk.to verify identity.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new secret: 32 random bytes, hex, as the store's server will paste it. */
export const newIdentitySecret = () => randomBytes(32).toString('hex');

/** The signature a store's server computes (also what the docs show in code samples). */
export const signCustomerId = (secret: string, customerId: string) =>
  createHmac('sha256', secret).update(customerId, 'utf8').digest('hex');

/** Constant-time check, so timing reveals nothing about how much of a forgery was right. */
export function verifyCustomerSignature(secret: string, customerId: string, signature: string) {
  const expected = Buffer.from(signCustomerId(secret, customerId), 'hex');
  const given = Buffer.from(signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
