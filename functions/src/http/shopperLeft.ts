/**
 * `POST /api/shopper-left` (through Hosting, same origin as the chat iframe): the chat
 * app's `pagehide` keepalive request, so operators see "left the store" at once rather
 * than after missed heartbeats. `fetch(..., { keepalive: true })` may carry the ID token
 * in a header, which `sendBeacon` cannot; the token proves whose conversation it is.
 */
import { errorBody, validateConversationId, validateStoreId } from '@comptoir/core';
import { Timestamp } from 'firebase-admin/firestore';
import { onRequest } from 'firebase-functions/v2/https';
import { auth } from '../config';
import { conversationRef } from '../data/refs';

export const shopperLeft = onRequest(async (req, res) => {
  if (req.method !== 'POST') {
    res.status(405).json(errorBody('method-not-allowed', 'Use POST.'));
    return;
  }
  const token = /^Bearer (.+)$/.exec(req.get('Authorization') ?? '')?.[1];
  let uid: string;
  try {
    if (!token) throw new Error('missing');
    uid = (await auth.verifyIdToken(token)).uid;
  } catch {
    res.status(401).json(errorBody('unauthenticated', 'A valid ID token is required.'));
    return;
  }
  const body = (typeof req.body === 'string' ? safeJson(req.body) : req.body) ?? {};
  const storeId = validateStoreId(body.storeId);
  const conversationId = validateConversationId(body.conversationId);
  if (!storeId.ok) {
    res.status(400).json(errorBody(storeId.code, storeId.message));
    return;
  }
  if (!conversationId.ok) {
    res.status(400).json(errorBody(conversationId.code, conversationId.message));
    return;
  }
  const ref = conversationRef(storeId.value, conversationId.value);
  const conversation = (await ref.get()).data();
  if (!conversation || conversation.shopperUid !== uid) {
    res.status(403).json(errorBody('permission-denied', 'This is not your conversation.'));
    return;
  }
  if (conversation.status === 'ongoing') await ref.update({ shopperLeftAt: Timestamp.now() });
  res.status(204).end();
});

function safeJson(text: string): Record<string, unknown> | null {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return null;
  }
}
