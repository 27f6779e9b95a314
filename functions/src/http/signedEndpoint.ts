/**
 * The shape every server-to-server endpoint shares (cart events, orders, products): POST
 * only, the store named in `X-Comptoir-Store`, a fresh `X-Comptoir-Timestamp`, and
 * `X-Comptoir-Signature` = hex HMAC-SHA256 of `{timestamp}.{raw body}` with the store's
 * server secret. An accepted signature is recorded, so replaying the same request fails.
 * The body is sent as `Content-Type: application/json`. The handler gets the parsed JSON
 * body and answers `{ status, body }` or throws an EndpointError; every refusal is
 * `{ error: { code, message } }`.
 */
import { errorBody, validateStoreId } from '@comptoir/core';
import { Timestamp } from 'firebase-admin/firestore';
import { onRequest, type Request } from 'firebase-functions/v2/https';
import * as log from '../commerceLogs';
import { serverSecretRef, signedRequestRef } from '../data/commerceRefs';
import {
  SIGNATURE_WINDOW_SECONDS,
  timestampProblem,
  verifyRequestSignature,
} from '../domain/requestSignature';

const MAX_BODY_BYTES = 1024 * 1024;
const ALREADY_EXISTS = 6;

export class EndpointError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** More for the caller to act on, beside code and message (e.g. the products at fault). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export interface EndpointAnswer {
  status: number;
  body: object;
}

type Handler = (storeId: string, body: Record<string, unknown>) => Promise<EndpointAnswer>;

async function authenticate(req: Request): Promise<{ storeId: string; signature: string }> {
  const store = validateStoreId(req.get('X-Comptoir-Store'));
  if (!store.ok) throw new EndpointError(400, store.code, `X-Comptoir-Store: ${store.message}`);
  const timestamp = req.get('X-Comptoir-Timestamp');
  const problem = timestampProblem(timestamp, Date.now());
  if (problem) throw new EndpointError(401, 'invalid-timestamp', problem);
  const signature = (req.get('X-Comptoir-Signature') ?? '').toLowerCase();
  const secret = (await serverSecretRef(store.value).get()).data()?.secret;
  const raw = req.rawBody?.toString('utf8') ?? '';
  // NOTE: an unknown store and a bad signature get the same answer, by design.
  if (!secret || !verifyRequestSignature(secret, timestamp!, raw, signature)) {
    throw new EndpointError(
      401,
      'invalid-signature',
      "X-Comptoir-Signature does not match: sign `{timestamp}.{raw body}` with your store's server secret (hex HMAC-SHA256), and send the body exactly as signed.",
    );
  }
  return { storeId: store.value, signature };
}

function parseBody(req: Request): Record<string, unknown> {
  try {
    const body: unknown = JSON.parse(req.rawBody?.toString('utf8') ?? '');
    if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
      return body as Record<string, unknown>;
    }
  } catch {
    // answered below
  }
  throw new EndpointError(400, 'invalid-json', 'The body must be a JSON object.');
}

export function signedEndpoint(handle: Handler) {
  return onRequest(async (req, res) => {
    let storeId = String(req.get('X-Comptoir-Store') ?? '');
    let recorded: ReturnType<typeof signedRequestRef> | null = null;
    try {
      if (req.method !== 'POST') {
        res.set('Allow', 'POST');
        throw new EndpointError(405, 'method-not-allowed', 'Use POST.');
      }
      if ((req.rawBody?.length ?? 0) > MAX_BODY_BYTES) {
        throw new EndpointError(413, 'body-too-large', 'The body must be at most 1 MB.');
      }
      // The body is JSON by contract; anything else (a form, text/plain from a page) is a
      // client that does not follow it, refused before the secret is even read.
      if (!req.is('application/json')) {
        throw new EndpointError(
          415,
          'unsupported-media-type',
          'Send the body as JSON, with Content-Type: application/json.',
        );
      }
      const auth = await authenticate(req);
      storeId = auth.storeId;
      const body = parseBody(req);
      const ref = signedRequestRef(storeId, auth.signature);
      const now = Timestamp.now();
      try {
        await ref.create({
          path: req.path,
          receivedAt: now,
          expiresAt: Timestamp.fromMillis(now.toMillis() + 2 * SIGNATURE_WINDOW_SECONDS * 1000),
        });
      } catch (error) {
        if ((error as { code?: number }).code !== ALREADY_EXISTS) throw error;
        throw new EndpointError(
          409,
          'replayed-request',
          'This exact request was already received: sign each request anew (a new timestamp).',
        );
      }
      recorded = ref;
      const answer = await handle(storeId, body);
      res.status(answer.status).json(answer.body);
    } catch (error) {
      if (error instanceof EndpointError) {
        log.signedRequestRefused(storeId, error.code);
        // Nothing was done, so the same request may come again (and get the same answer).
        await recorded?.delete().catch(() => undefined);
        const { error: refusal } = errorBody(error.code, error.message);
        res.status(error.status).json({ error: { ...error.details, ...refusal } });
        return;
      }
      // A transient failure: the store's retry of the same request must not read as a replay.
      await recorded?.delete().catch(() => undefined);
      throw error;
    }
  });
}
