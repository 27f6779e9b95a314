/**
 * Sends an offline message's notification email exactly once, even when the trigger is
 * delivered twice or concurrently: a transaction takes a lease on the message (as the
 * Firebase "Trigger Email" extension does); whoever holds it sends, then marks it sent.
 * A crash between sending and marking leaves the lease to expire, and a retry sends again:
 * at-least-once in that one case, exactly-once otherwise.
 */
import { Timestamp } from 'firebase-admin/firestore';
import { db, EMAIL_LEASE_SECONDS } from '../config';
import { offlineMessageRef, storeRef } from '../data/refs';
import { offlineMessageEmail } from '../domain/offlineMessageEmail';
import * as log from '../logs';
import { describeSendError, sendMail } from './sendgrid';

export type DeliveryOutcome = 'sent' | 'skipped' | 'failed';

export async function deliverOfflineMessage(storeId: string, id: string): Promise<DeliveryOutcome> {
  const ref = offlineMessageRef(storeId, id);
  const claimed = await db.runTransaction(async (tx) => {
    const [snapshot, store] = await Promise.all([tx.get(ref), tx.get(storeRef(storeId))]);
    const message = snapshot.data();
    if (!message || !store.exists) return null;
    const { state, leaseExpiresAt, attempts } = message.email;
    if (state === 'sent') return null;
    if (state === 'sending' && leaseExpiresAt && leaseExpiresAt.toMillis() > Date.now())
      return null;
    tx.update(ref, {
      'email.state': 'sending',
      'email.attempts': attempts + 1,
      'email.leaseExpiresAt': Timestamp.fromMillis(Date.now() + EMAIL_LEASE_SECONDS * 1000),
    });
    return { message, store: store.data()! };
  });
  if (!claimed) {
    log.emailSkipped(storeId, id);
    return 'skipped';
  }
  try {
    await sendMail(offlineMessageEmail(claimed.store, claimed.message));
  } catch (error) {
    const reason = describeSendError(error);
    log.emailFailed(storeId, id, reason);
    await ref.update({
      'email.state': 'error',
      'email.error': reason,
      'email.leaseExpiresAt': null,
    });
    return 'failed';
  }
  await ref.update({
    'email.state': 'sent',
    'email.sentAt': Timestamp.now(),
    'email.leaseExpiresAt': null,
    'email.error': null,
  });
  log.emailSent(storeId, id);
  return 'sent';
}
