/**
 * Server-to-server request signatures: the store's server signs `{timestamp}.{raw body}`
 * with its server secret (hex HMAC-SHA256), the way Stripe and Shopify sign webhooks.
 * The timestamp bounds how long a captured request could be replayed; the signature
 * record (see http/signedEndpoint.ts) makes even that window single-use.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** A request's timestamp may differ from the server's clock by at most this much. */
export const SIGNATURE_WINDOW_SECONDS = 5 * 60;

/** What a store's server computes (also what the docs and the tests show). */
export const signRequest = (secret: string, timestamp: number | string, rawBody: string) =>
  createHmac('sha256', secret).update(`${timestamp}.${rawBody}`, 'utf8').digest('hex');

/** Constant-time check of a hex signature. */
export function verifyRequestSignature(
  secret: string,
  timestamp: string,
  rawBody: string,
  signature: string,
): boolean {
  if (!/^[0-9a-f]{64}$/i.test(signature)) return false;
  const expected = Buffer.from(signRequest(secret, timestamp, rawBody), 'hex');
  const given = Buffer.from(signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Why a timestamp header is refused, or null when it is inside the window. */
export function timestampProblem(header: string | undefined, nowMs: number): string | null {
  if (!header || !/^\d{9,11}$/.test(header)) {
    return 'X-Comptoir-Timestamp must be the current Unix time in seconds.';
  }
  const skew = Math.abs(nowMs / 1000 - Number(header));
  if (skew > SIGNATURE_WINDOW_SECONDS) {
    return `X-Comptoir-Timestamp is ${Math.round(skew)} s away from the current time (at most ${SIGNATURE_WINDOW_SECONDS} s): sign each request when you send it, and check your server's clock.`;
  }
  return null;
}
