/**
 * `submitOfflineMessage({ storeId, fields, website, language })`: the widget's contact
 * form, used when nobody can chat. Validated against the store's field settings (one
 * message per field), guarded against spam (a honeypot field, and rate limits per shopper
 * and per hashed IP), and stored with its rate-limit counters in one transaction. The
 * notification email is sent by the onOfflineMessageCreated trigger.
 */
import {
  DEFAULT_CONTACT_FIELDS,
  primaryLanguage,
  validateContactForm,
  validateStoreId,
} from '@comptoir/core';
import { Timestamp } from 'firebase-admin/firestore';
import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { signedInUid } from '../auth';
import { hashedIp } from '../clientIp';
import { db, OFFLINE_FORM_LIMITS } from '../config';
import { takeSlots } from '../data/rateLimits';
import { offlineMessagesRef, storeRef, widgetSettingsRef } from '../data/refs';
import { refuse, required } from '../errors';
import * as log from '../logs';

export const submitOfflineMessage = onCall<unknown, Promise<{ ok: true }>>(async (request) => {
  const uid = signedInUid(request);
  const input = (request.data ?? {}) as Record<string, unknown>;
  const storeId = required(validateStoreId(input.storeId));
  // Honeypot: a field people never see. Bots fill it; they get a success and nothing is kept.
  if (typeof input.website === 'string' && input.website.trim() !== '') {
    log.offlineMessageHoneypot(storeId);
    return { ok: true };
  }
  const [store, widget] = await Promise.all([
    storeRef(storeId).get(),
    widgetSettingsRef(storeId).get(),
  ]);
  if (!store.exists) return refuse('not-found', 'store-not-found', 'This store does not exist.');
  if (store.data()?.offlineMode === false) {
    return refuse(
      'failed-precondition',
      'offline-form-disabled',
      'This store does not take messages.',
    );
  }
  const form = validateContactForm(
    input.fields,
    widget.data()?.offlineForm?.fields ?? DEFAULT_CONTACT_FIELDS,
  );
  if (!form.ok) {
    throw new HttpsError('invalid-argument', form.message, {
      code: form.code,
      fields: form.fields,
    });
  }

  const now = Timestamp.now();
  const limits = [
    { key: `shopper-${uid}`, limit: OFFLINE_FORM_LIMITS.perShopper },
    { key: `ip-${hashedIp(request, storeId)}`, limit: OFFLINE_FORM_LIMITS.perIp },
  ];
  await db.runTransaction(async (tx) => {
    const minutes = await takeSlots(tx, storeId, limits, now.toMillis());
    if (minutes !== null) {
      log.offlineMessageRateLimited(storeId);
      return refuse(
        'resource-exhausted',
        'too-many-messages',
        `You have sent several messages already. Please try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
      );
    }
    tx.create(offlineMessagesRef(storeId).doc(), {
      fields: form.value,
      language: primaryLanguage(input.language) ?? 'en',
      shopperUid: uid,
      createdAt: now,
      read: false,
      email: { state: 'pending', attempts: 0, leaseExpiresAt: null, sentAt: null, error: null },
    });
  });
  return { ok: true };
});
