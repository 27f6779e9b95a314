/**
 * `lookupOrder({ storeId, orderNumber, email, language? })`: the widget's "Where is my
 * order?" for any signed-in shopper (anonymous is enough: the number and the email together
 * are the credential). Answers the status, and the tracking link once shipped.
 *
 * It must not tell anyone whether an order exists: a wrong number, a wrong email and an
 * unknown store get the same code and message, after the same work (one transaction that
 * counts the attempt, then one query on number AND email). Attempts are rate-limited per
 * shopper, per hashed IP and per email, counted before the query, found or not.
 */
import { createHash } from 'node:crypto';
import {
  ORDER_NOT_FOUND,
  orderLookupAnswer,
  primaryLanguage,
  validateOrderLookup,
  validateStoreId,
  type OrderLookupAnswer,
} from '@comptoir/core';
import { Timestamp } from 'firebase-admin/firestore';
import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { signedInUid } from '../auth';
import { hashedIp } from '../clientIp';
import * as log from '../commerceLogs';
import { db, ORDER_LOOKUP_LIMITS } from '../config';
import { findOrder } from '../data/orders';
import { takeSlots } from '../data/rateLimits';
import { storeRef } from '../data/refs';
import { required } from '../errors';

const hashed = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

export const lookupOrder = onCall<unknown, Promise<OrderLookupAnswer>>(async (request) => {
  const uid = signedInUid(request);
  const input = (request.data ?? {}) as Record<string, unknown>;
  const storeId = required(validateStoreId(input.storeId));
  const { numberKey, email } = required(validateOrderLookup(input));
  const lang = primaryLanguage(input.language) ?? 'en';

  // NOTE: the counters' keys start with `order-lookup-`: the offline form's live beside them.
  const limits = [
    { key: `order-lookup-shopper-${uid}`, limit: ORDER_LOOKUP_LIMITS.perShopper },
    { key: `order-lookup-ip-${hashedIp(request, storeId)}`, limit: ORDER_LOOKUP_LIMITS.perIp },
    {
      key: `order-lookup-email-${hashed(`${storeId}:${email}`)}`,
      limit: ORDER_LOOKUP_LIMITS.perEmail,
    },
  ];
  const nowMs = Timestamp.now().toMillis();
  const minutes = await db.runTransaction(async (tx) => {
    const store = await tx.get(storeRef(storeId));
    // An unknown store keeps no counters (nobody can fill Firestore with made-up stores);
    // it still answers "not found" below, after the same query.
    if (!store.exists) return null;
    return takeSlots(tx, storeId, limits, nowMs);
  });
  if (minutes !== null) {
    log.orderLookup(storeId, 'rate-limited');
    throw new HttpsError(
      'resource-exhausted',
      `Too many attempts, try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
      { code: 'too-many-attempts', retryAfterMinutes: minutes },
    );
  }

  const order = await findOrder(storeId, numberKey, email);
  if (!order) {
    log.orderLookup(storeId, 'not-found');
    throw new HttpsError('not-found', ORDER_NOT_FOUND.message, { code: ORDER_NOT_FOUND.code });
  }
  log.orderLookup(storeId, 'found');
  return orderLookupAnswer({ ...order, updatedAtMs: order.updatedAt.toMillis() }, lang);
});
