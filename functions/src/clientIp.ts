/** The caller's IP for rate limits, never stored as such (shared by the spam guards). */
import { createHash } from 'node:crypto';
import type { CallableRequest } from 'firebase-functions/v2/https';

/** The client IP, hashed with the store id: enough to rate-limit, useless to anyone else. */
export function hashedIp(request: CallableRequest, storeId: string): string {
  const forwarded = request.rawRequest.headers['x-forwarded-for'];
  const ip = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return createHash('sha256')
    .update(`${storeId}:${ip || request.rawRequest.ip || 'unknown'}`)
    .digest('hex')
    .slice(0, 32);
}
