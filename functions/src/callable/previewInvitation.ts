/**
 * `previewInvitation({ storeId, token })`: what the Join page shows before anyone signs in
 * (the store's name, the invited email, who invited). The token is the credential: no sign-in
 * needed, and a used, revoked or expired link is refused with the same codes as accepting.
 */
import { validateInvitationToken, validateStoreId, type InvitationPreview } from '@comptoir/core';
import { onCall } from 'firebase-functions/v2/https';
import { storeRef } from '../data/refs';
import { findInvitationByToken } from '../data/team';
import { invitationRefusal } from '../domain/invitation';
import { refuse, required } from '../errors';
import * as log from '../logs';

export const INVITATION_NOT_FOUND =
  'This invitation link is not valid. Open it again from the latest invitation email, in full.';

export const previewInvitation = onCall<unknown, Promise<InvitationPreview>>(async (request) => {
  const input = (request.data ?? {}) as Record<string, unknown>;
  const storeId = required(validateStoreId(input.storeId));
  const token = required(validateInvitationToken(input.token));
  const [found, store] = await Promise.all([
    findInvitationByToken(storeId, token),
    storeRef(storeId).get(),
  ]);
  if (!found || !store.exists) {
    log.invitationRefused(storeId, 'invitation-not-found');
    return refuse('not-found', 'invitation-not-found', INVITATION_NOT_FOUND);
  }
  const invitation = found.data();
  const refusal = invitationRefusal(invitation, Date.now());
  if (refusal) {
    log.invitationRefused(storeId, refusal.code);
    return refuse('failed-precondition', refusal.code, refusal.message);
  }
  return {
    storeName: store.data()!.name,
    email: invitation.email,
    displayName: invitation.displayName,
    invitedByName: invitation.invitedBy.displayName,
    expiresAt: invitation.expiresAt.toMillis(),
  };
});
