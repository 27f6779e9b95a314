/**
 * Sends an invitation's email exactly once, with the lease deliverOfflineMessage uses: a
 * transaction takes the lease, whoever holds it sends, then marks the email sent.
 *
 * The link's token is minted inside that same transaction, and only its hash is stored: the
 * raw token lives in this function's memory and in the email, nowhere else. A delivery that
 * fails clears the hash (nobody received that link); a retry mints a new token, so only the
 * link actually sent can work.
 */
import { joinLink } from '@comptoir/core';
import { Timestamp } from 'firebase-admin/firestore';
import { consoleUrl, db, EMAIL_LEASE_SECONDS } from '../config';
import { storeRef } from '../data/refs';
import { invitationRef } from '../data/team';
import { hashInvitationToken, newInvitationToken } from '../domain/invitation';
import { invitationEmail } from '../domain/invitationEmail';
import * as log from '../logs';
import { describeSendError, sendMail } from './sendgrid';
import type { DeliveryOutcome } from './deliverOfflineMessage';

export async function deliverInvitation(storeId: string, id: string): Promise<DeliveryOutcome> {
  const ref = invitationRef(storeId, id);
  const claimed = await db.runTransaction(async (tx) => {
    const [snapshot, store] = await Promise.all([tx.get(ref), tx.get(storeRef(storeId))]);
    const invitation = snapshot.data();
    // A revoked invitation is not worth an email, even if its trigger comes late.
    if (!invitation || !store.exists || invitation.state !== 'pending') return null;
    const { state, leaseExpiresAt, attempts } = invitation.mail;
    if (state === 'sent') return null;
    if (state === 'sending' && leaseExpiresAt && leaseExpiresAt.toMillis() > Date.now())
      return null;
    const token = newInvitationToken();
    tx.update(ref, {
      tokenHash: hashInvitationToken(token),
      'mail.state': 'sending',
      'mail.attempts': attempts + 1,
      'mail.leaseExpiresAt': Timestamp.fromMillis(Date.now() + EMAIL_LEASE_SECONDS * 1000),
    });
    return { invitation, store: store.data()!, token };
  });
  if (!claimed) {
    log.emailSkipped(storeId, id);
    return 'skipped';
  }
  const link = joinLink(consoleUrl(), storeId, claimed.token);
  try {
    await sendMail(invitationEmail(claimed.store, claimed.invitation, link));
  } catch (error) {
    const reason = describeSendError(error);
    log.emailFailed(storeId, id, reason);
    await ref.update({
      tokenHash: null,
      'mail.state': 'error',
      'mail.error': reason,
      'mail.leaseExpiresAt': null,
    });
    return 'failed';
  }
  await ref.update({
    'mail.state': 'sent',
    'mail.sentAt': Timestamp.now(),
    'mail.leaseExpiresAt': null,
    'mail.error': null,
  });
  log.emailSent(storeId, id);
  return 'sent';
}
