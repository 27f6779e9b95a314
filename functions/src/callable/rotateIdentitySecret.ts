/**
 * `rotateIdentitySecret({ storeId })`: a new identity secret for the store (the console's
 * Settings page). Signatures made with the old one stop working at once, which is the point
 * when a secret has leaked. Only the store's owner may rotate it.
 */
import { validateStoreId } from '@comptoir/core';
import { Timestamp } from 'firebase-admin/firestore';
import { onCall } from 'firebase-functions/v2/https';
import { operatorUid } from '../auth';
import { identitySecretRef, memberRef } from '../data/refs';
import { newIdentitySecret } from '../domain/identity';
import { refuse, required } from '../errors';

export const rotateIdentitySecret = onCall<unknown, Promise<{ ok: true }>>(async (request) => {
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
  await identitySecretRef(storeId).set({ secret: newIdentitySecret(), rotatedAt: Timestamp.now() });
  return { ok: true };
});
