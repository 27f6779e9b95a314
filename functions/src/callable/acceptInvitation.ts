/**
 * `acceptInvitation({ storeId, token, displayName? })`: the signed-in invitee joins the store
 * as an operator. Their account must carry the invited email (compared case-insensitively).
 * One transaction creates the member and marks the invitation accepted, so a link works once.
 */
import {
  normalizeEmail,
  validateInvitationToken,
  validateMemberName,
  validateStoreId,
} from '@comptoir/core';
import { Timestamp } from 'firebase-admin/firestore';
import { onCall } from 'firebase-functions/v2/https';
import { signedInUid } from '../auth';
import { db } from '../config';
import { memberRef } from '../data/refs';
import { findInvitationByToken } from '../data/team';
import { invitationRefusal } from '../domain/invitation';
import { refuse, required } from '../errors';
import * as log from '../logs';
import { INVITATION_NOT_FOUND } from './previewInvitation';

export const acceptInvitation = onCall<unknown, Promise<{ storeId: string }>>(async (request) => {
  const input = (request.data ?? {}) as Record<string, unknown>;
  const storeId = required(validateStoreId(input.storeId));
  const token = required(validateInvitationToken(input.token));
  const chosenName =
    input.displayName === undefined || input.displayName === null
      ? null
      : required(validateMemberName(input.displayName));
  const uid = signedInUid(request);
  const accountEmail = request.auth?.token.email;
  if (!accountEmail) {
    return refuse(
      'failed-precondition',
      'email-account-required',
      'Sign in with an email and password account to join a store.',
    );
  }

  const invitationId = await db
    .runTransaction(async (tx) => {
      const [found, member] = await Promise.all([
        findInvitationByToken(storeId, token, tx),
        tx.get(memberRef(storeId, uid)),
      ]);
      if (!found) return refuse('not-found', 'invitation-not-found', INVITATION_NOT_FOUND);
      const invitation = found.data();
      const refusal = invitationRefusal(invitation, Date.now());
      if (refusal) return refuse('failed-precondition', refusal.code, refusal.message);
      if (normalizeEmail(accountEmail) !== invitation.email) {
        return refuse(
          'permission-denied',
          'wrong-account',
          `This invitation is for ${invitation.email}, but you are signed in as ${accountEmail}. Sign in with the invited address.`,
        );
      }
      if (member.exists) {
        return refuse(
          'already-exists',
          'already-member',
          'You are already a member of this store.',
        );
      }
      const displayName = chosenName ?? invitation.displayName;
      if (!displayName) {
        return refuse(
          'invalid-argument',
          'invalid-display-name',
          'Enter your name: shoppers see it under your replies.',
        );
      }
      tx.create(memberRef(storeId, uid), {
        uid,
        role: 'operator',
        displayName,
        email: invitation.email,
      });
      tx.update(found.ref, { state: 'accepted', acceptedAt: Timestamp.now(), acceptedBy: uid });
      return found.id;
    })
    .catch((error: unknown) => {
      const code = (error as { details?: { code?: string } }).details?.code;
      if (code) log.invitationRefused(storeId, code);
      throw error;
    });
  log.invitationAccepted(storeId, invitationId, uid);
  return { storeId };
});
