/**
 * Invitations, pure: tokens and their hashes, the new document, and which invitations can
 * still be used (with the refusal a person reads when one cannot).
 */
import { createHash, randomBytes } from 'node:crypto';
import { INVITATION_TTL_DAYS, type Invitation, type InvitationInput } from '@comptoir/core';
import type { Timestamp } from 'firebase-admin/firestore';

/** 32 random bytes, base64url: the secret part of the emailed link. */
export const newInvitationToken = () => randomBytes(32).toString('base64url');

/** What the document keeps instead of the token: the token cannot be read back from it. */
export const hashInvitationToken = (token: string) =>
  createHash('sha256').update(token, 'utf8').digest('hex');

export const INVITATION_TTL_MS = INVITATION_TTL_DAYS * 24 * 60 * 60 * 1000;

/** A fresh invitation; the trigger mints its token when it sends the email. */
export function newInvitation(
  input: InvitationInput,
  invitedBy: Invitation['invitedBy'],
  now: Timestamp,
  at: (ms: number) => Timestamp,
): Invitation {
  return {
    email: input.email,
    displayName: input.displayName,
    role: 'operator',
    state: 'pending',
    tokenHash: null,
    invitedBy,
    createdAt: now,
    expiresAt: at(now.toMillis() + INVITATION_TTL_MS),
    acceptedAt: null,
    acceptedBy: null,
    revokedAt: null,
    mail: { state: 'pending', attempts: 0, leaseExpiresAt: null, sentAt: null, error: null },
  };
}

/** Still waiting to be accepted, and not past its expiry. */
export const isUsable = (invitation: Pick<Invitation, 'state' | 'expiresAt'>, nowMs: number) =>
  invitation.state === 'pending' && invitation.expiresAt.toMillis() > nowMs;

export interface InvitationRefusal {
  code: 'invitation-expired' | 'invitation-revoked' | 'invitation-used';
  message: string;
}

const day = (ms: number) =>
  new Date(ms).toLocaleDateString('en-GB', { dateStyle: 'long', timeZone: 'UTC' });

/** Why this invitation cannot be accepted any more, or null while it can. */
export function invitationRefusal(
  invitation: Pick<Invitation, 'state' | 'expiresAt' | 'invitedBy'>,
  nowMs: number,
): InvitationRefusal | null {
  const owner = invitation.invitedBy.displayName || 'the store owner';
  switch (invitation.state) {
    case 'accepted':
      return {
        code: 'invitation-used',
        message:
          'This invitation has already been used. Sign in to the console with the account that accepted it.',
      };
    case 'revoked':
      return {
        code: 'invitation-revoked',
        message: `This invitation was cancelled. Ask ${owner} for a new one if you still need access.`,
      };
    case 'expired':
      return {
        code: 'invitation-expired',
        message: 'A newer invitation replaced this one. Use the link in the latest email.',
      };
    case 'pending':
      if (invitation.expiresAt.toMillis() > nowMs) return null;
      return {
        code: 'invitation-expired',
        message: `This invitation expired on ${day(invitation.expiresAt.toMillis())}. Ask ${owner} to send a new one.`,
      };
  }
}
