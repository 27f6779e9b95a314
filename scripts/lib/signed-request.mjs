// What a store's server does for Comptoir's signed endpoints (/api/cart-events, /api/orders,
// /api/products): POST the JSON body with X-Comptoir-Timestamp and X-Comptoir-Signature, the
// hex HMAC-SHA256 of `{timestamp}.{body}` with the store's server secret (docs/integration.md).
// Shared by the seed (the demo's catalogue and orders go in like any store's) and the tests.
import { createHmac } from 'node:crypto';
import { hostingOrigin } from './client-config.mjs';

/** Sends `text` (the exact bytes signed) to `path` on Hosting; answers the fetch Response. */
export function signedRequest(
  path,
  storeId,
  secret,
  text,
  { timestamp = Math.floor(Date.now() / 1000), origin = hostingOrigin() } = {},
) {
  const signature = createHmac('sha256', secret).update(`${timestamp}.${text}`).digest('hex');
  return fetch(`${origin}${path}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-Comptoir-Store': storeId,
      'X-Comptoir-Timestamp': String(timestamp),
      'X-Comptoir-Signature': signature,
    },
    body: text,
  });
}
