/**
 * `revokeInvitation({ storeId, invitationId })`: the owner cancels a pending invitation; its
 * link stops working at once. Revoking twice is harmless; an accepted one cannot be revoked
 * (remove the member instead).
 */
import { validateInvitationId, validateStoreId } from '@comptoir/core';
import { Timestamp } from 'firebase-admin/firestore';
import { onCall } from 'firebase-functions/v2/https';
import { ownerOf } from '../auth';
import { db } from '../config';
import { invitationRef } from '../data/team';
import { refuse, required } from '../errors';
import * as log from '../logs';

export const revokeInvitation = onCall<unknown, Promise<{ ok: true }>>(async (request) => {
  const input = (request.data ?? {}) as Record<string, unknown>;
  const storeId = required(validateStoreId(input.storeId));
  const invitationId = required(validateInvitationId(input.invitationId));
  await ownerOf(request, storeId, 'revoke invitations');
  await db.runTransaction(async (tx) => {
    const ref = invitationRef(storeId, invitationId);
    const invitation = (await tx.get(ref)).data();
    if (!invitation) {
      return refuse('not-found', 'invitation-not-found', 'This invitation does not exist.');
    }
    if (invitation.state === 'accepted') {
      return refuse(
        'failed-precondition',
        'invitation-used',
        'This invitation was already accepted. Remove the member instead.',
      );
    }
    if (invitation.state !== 'pending') return;
    tx.update(ref, { state: 'revoked', revokedAt: Timestamp.now() });
  });
  log.invitationRevoked(storeId, invitationId);
  return { ok: true };
});
