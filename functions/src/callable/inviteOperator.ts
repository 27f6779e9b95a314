/**
 * `inviteOperator({ storeId, email, displayName? })`: the owner invites someone to answer
 * the store's chats. Creates a pending invitation valid for 7 days; the onInvitationCreated
 * trigger emails the link. Refuses an email that is already a member's or already has a
 * live invitation, in the same transaction that creates the new one.
 */
import { normalizeEmail, validateInvitationInput, validateStoreId } from '@comptoir/core';
import { Timestamp } from 'firebase-admin/firestore';
import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { ownerOf } from '../auth';
import { db } from '../config';
import { storeRef } from '../data/refs';
import { invitationsRef, membersRef } from '../data/team';
import { isUsable, newInvitation } from '../domain/invitation';
import { refuse, required } from '../errors';
import * as log from '../logs';

/** A refusal about the email field: the form shows it under the field. */
function refuseEmail(code: string, message: string): never {
  throw new HttpsError('already-exists', message, { code, fields: { email: message } });
}

export const inviteOperator = onCall<unknown, Promise<{ invitationId: string }>>(
  async (request) => {
    const input = (request.data ?? {}) as Record<string, unknown>;
    const storeId = required(validateStoreId(input.storeId));
    const owner = await ownerOf(request, storeId, 'invite operators');
    const form = validateInvitationInput(input);
    if (!form.ok) {
      throw new HttpsError('invalid-argument', form.message, {
        code: form.code,
        fields: form.fields,
      });
    }
    const { email } = form.value;

    const invitationId = await db.runTransaction(async (tx) => {
      const [store, members, pending] = await Promise.all([
        tx.get(storeRef(storeId)),
        tx.get(membersRef(storeId)),
        tx.get(invitationsRef(storeId).where('email', '==', email).where('state', '==', 'pending')),
      ]);
      if (!store.exists)
        return refuse('not-found', 'store-not-found', 'This store does not exist.');
      if (members.docs.some((m) => normalizeEmail(m.data().email ?? '') === email)) {
        return refuseEmail('already-member', `${email} is already a member of this store.`);
      }
      const now = Timestamp.now();
      const live = pending.docs.find(
        (d) => isUsable(d.data(), now.toMillis()) && d.data().mail.state !== 'error',
      );
      if (live) {
        return refuseEmail(
          'already-invited',
          `${email} already has a pending invitation. Revoke it first to send a new one.`,
        );
      }
      // Expired (or undeliverable) invitations to this email give way to the new one, so
      // an old link cannot be used once a new one is on its way.
      for (const stale of pending.docs) tx.update(stale.ref, { state: 'expired' });
      const ref = invitationsRef(storeId).doc();
      tx.create(
        ref,
        newInvitation(
          form.value,
          { uid: owner.uid, displayName: owner.displayName, email: owner.email },
          now,
          Timestamp.fromMillis,
        ),
      );
      return ref.id;
    });
    log.operatorInvited(storeId, invitationId);
    return { invitationId };
  },
);
