/**
 * The store's orders (`stores/{storeId}/orders/{numberKey}`): written only by the signed
 * orders endpoint, read by the shopper's order lookup and by the reply email. The document
 * id is the normalised order number, so posting the same order again updates it in place.
 */
import { orderPath, ordersPath, type Order, type OrderInput } from '@comptoir/core';
import {
  Timestamp,
  type CollectionReference,
  type DocumentReference,
} from 'firebase-admin/firestore';
import { db } from '../config';
import { typed } from './refs';

const converter = typed<Order>();

export const ordersRef = (storeId: string): CollectionReference<Order> =>
  db.collection(ordersPath(storeId)).withConverter(converter);

export const orderRef = (storeId: string, numberKey: string): DocumentReference<Order> =>
  db.doc(orderPath(storeId, numberKey)).withConverter(converter);

/** `created`, `updated`, or `stale`: the store already sent a newer state of this order. */
export type OrderOutcome = 'created' | 'updated' | 'stale';

/**
 * Upserts a validated batch in one transaction: every order is written, or none. An update
 * whose `updatedAt` is older than the stored one arrived late (a retry overtaken by a newer
 * status) and is ignored, so a shipped order never goes back to "received".
 */
export async function upsertOrders(
  storeId: string,
  orders: OrderInput[],
): Promise<{ number: string; outcome: OrderOutcome }[]> {
  return db.runTransaction(async (tx) => {
    const refs = orders.map((o) => orderRef(storeId, o.numberKey));
    const current = await tx.getAll(...refs);
    const receivedAt = Timestamp.now();
    return orders.map((order, i) => {
      const stored = current[i]!.data();
      if (stored && stored.updatedAt.toMillis() > order.updatedAt) {
        return { number: order.number, outcome: 'stale' as const };
      }
      tx.set(refs[i]!, {
        ...order,
        createdAt: Timestamp.fromMillis(order.createdAt),
        updatedAt: Timestamp.fromMillis(order.updatedAt),
        receivedAt,
      });
      return {
        number: order.number,
        outcome: stored ? ('updated' as const) : ('created' as const),
      };
    });
  });
}

/**
 * The order with this number AND this email, or null. One query on both fields, so a wrong
 * number and a wrong email take the same path (the same read, the same empty answer).
 */
export async function findOrder(
  storeId: string,
  numberKey: string,
  email: string,
): Promise<Order | null> {
  const found = await ordersRef(storeId)
    .where('numberKey', '==', numberKey)
    .where('email', '==', email)
    .limit(1)
    .get();
  return found.docs[0]?.data() ?? null;
}
