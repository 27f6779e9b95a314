import { Timestamp } from 'firebase-admin/firestore';
import { describe, expect, it } from 'vitest';
import {
  hashInvitationToken,
  INVITATION_TTL_MS,
  invitationRefusal,
  isUsable,
  newInvitation,
  newInvitationToken,
} from './invitation';

const now = Timestamp.fromMillis(Date.UTC(2025, 5, 1, 12));
const invitedBy = { uid: 'owner', displayName: 'Camille', email: 'camille@shop.test' };
const invitation = newInvitation(
  { email: 'bruno@shop.test', displayName: null },
  invitedBy,
  now,
  Timestamp.fromMillis,
);

describe('invitation tokens', () => {
  it('are 43 url-safe characters and never repeat', () => {
    const tokens = new Set(Array.from({ length: 50 }, newInvitationToken));
    expect(tokens.size).toBe(50);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('are kept as a SHA-256 hash that does not contain the token', () => {
    const token = newInvitationToken();
    const hash = hashInvitationToken(token);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(hashInvitationToken(token));
    expect(hash).not.toContain(token);
  });
});

describe('a new invitation', () => {
  it('is pending for seven days, with no token until its email is sent', () => {
    expect(invitation).toMatchObject({
      state: 'pending',
      role: 'operator',
      tokenHash: null,
      mail: { state: 'pending', attempts: 0 },
    });
    expect(invitation.expiresAt.toMillis() - now.toMillis()).toBe(7 * 24 * 3600 * 1000);
  });
});

describe('which invitations can be used', () => {
  const later = (ms: number) => now.toMillis() + ms;

  it('a pending one until it expires, then refused as expired with the date', () => {
    expect(isUsable(invitation, later(INVITATION_TTL_MS - 1))).toBe(true);
    expect(invitationRefusal(invitation, later(INVITATION_TTL_MS - 1))).toBeNull();
    expect(isUsable(invitation, later(INVITATION_TTL_MS))).toBe(false);
    expect(invitationRefusal(invitation, later(INVITATION_TTL_MS))).toEqual({
      code: 'invitation-expired',
      message: 'This invitation expired on 8 June 2025. Ask Camille to send a new one.',
    });
  });

  it('never one that was accepted, revoked or replaced, each with its own code', () => {
    const at = later(1000);
    expect(invitationRefusal({ ...invitation, state: 'accepted' }, at)?.code).toBe(
      'invitation-used',
    );
    expect(invitationRefusal({ ...invitation, state: 'revoked' }, at)?.code).toBe(
      'invitation-revoked',
    );
    expect(invitationRefusal({ ...invitation, state: 'expired' }, at)?.code).toBe(
      'invitation-expired',
    );
  });
});
