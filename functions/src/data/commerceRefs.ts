/**
 * Typed references for the commerce features (cart, discounts, products, orders, signed
 * requests), built from the shared paths like data/refs.ts.
 */
import {
  discountPath,
  discountUsePath,
  serverSecretPath,
  signedRequestPath,
  type Discount,
  type DiscountUse,
  type ServerSecret,
  type SignedRequestRecord,
} from '@comptoir/core';
import type { DocumentReference, FirestoreDataConverter } from 'firebase-admin/firestore';
import { db } from '../config';

// Same pass-through converter as data/refs.ts: validation happens at the boundary.
function typed<T extends object>(): FirestoreDataConverter<T> {
  return {
    toFirestore: (value) => value as FirebaseFirestore.DocumentData,
    fromFirestore: (snapshot) => snapshot.data() as T,
  };
}

export const serverSecretRef = (storeId: string): DocumentReference<ServerSecret> =>
  db.doc(serverSecretPath(storeId)).withConverter(typed<ServerSecret>());

export const signedRequestRef = (
  storeId: string,
  signature: string,
): DocumentReference<SignedRequestRecord> =>
  db.doc(signedRequestPath(storeId, signature)).withConverter(typed<SignedRequestRecord>());

export const discountRef = (storeId: string, code: string): DocumentReference<Discount> =>
  db.doc(discountPath(storeId, code)).withConverter(typed<Discount>());

/** Exists once the conversation has used the code: the one-use-per-conversation rule. */
export const discountUseRef = (
  storeId: string,
  code: string,
  conversationId: string,
): DocumentReference<DiscountUse> =>
  db.doc(discountUsePath(storeId, code, conversationId)).withConverter(typed<DiscountUse>());
