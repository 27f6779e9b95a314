/**
 * `rotateServerSecret({ storeId })`: a new server secret (Settings → Server requests).
 * Requests signed with the old one are refused at once. Owners only, like the identity secret.
 */
import { validateStoreId } from '@comptoir/core';
import { Timestamp } from 'firebase-admin/firestore';
import { onCall } from 'firebase-functions/v2/https';
import { operatorUid } from '../auth';
import { serverSecretRef } from '../data/commerceRefs';
import { memberRef } from '../data/refs';
import { newIdentitySecret } from '../domain/identity';
import { refuse, required } from '../errors';

export const rotateServerSecret = onCall<unknown, Promise<{ ok: true }>>(async (request) => {
  const input = (request.data ?? {}) as Record<string, unknown>;
  const storeId = required(validateStoreId(input.storeId));
  const uid = await operatorUid(request, storeId);
  if ((await memberRef(storeId, uid).get()).data()?.role !== 'owner') {
    return refuse(
      'permission-denied',
      'owner-only',
      "Only the store's owner can rotate the secret.",
    );
  }
  // Same strength as the identity secret: 32 random bytes, hex.
  await serverSecretRef(storeId).set({ secret: newIdentitySecret(), rotatedAt: Timestamp.now() });
  return { ok: true };
});
