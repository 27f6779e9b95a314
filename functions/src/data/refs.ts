/**
 * Typed references for the functions, built from the shared paths. Triggers and callables
 * go through these instead of writing path strings.
 */
import {
  availabilityPath,
  identitySecretPath,
  conversationPath,
  conversationsPath,
  historyPath,
  historyRowPath,
  memberPath,
  messagesPath,
  offlineMessagePath,
  offlineMessagesPath,
  presencePath,
  presencesPath,
  rateLimitPath,
  shopperPath,
  slotPath,
  storePath,
  widgetSettingsPath,
  type Availability,
  type Conversation,
  type HistoryRow,
  type IdentitySecret,
  type Member,
  type Message,
  type OfflineMessage,
  type OperatorPresence,
  type ShopperRecord,
  type Store,
  type WidgetSettings,
} from '@comptoir/core';
import type {
  CollectionReference,
  DocumentReference,
  FirestoreDataConverter,
} from 'firebase-admin/firestore';
import { db } from '../config';

// NOTE: the converter only types the data; validation happens at the boundary (rules for
// clients, `@comptoir/core` validators for callables), so reads trust stored documents.
export function typed<T extends object>(): FirestoreDataConverter<T> {
  return {
    toFirestore: (value) => value as FirebaseFirestore.DocumentData,
    fromFirestore: (snapshot) => snapshot.data() as T,
  };
}

export const storeRef = (storeId: string): DocumentReference<Store> =>
  db.doc(storePath(storeId)).withConverter(typed<Store>());

export const memberRef = (storeId: string, uid: string): DocumentReference<Member> =>
  db.doc(memberPath(storeId, uid)).withConverter(typed<Member>());

export const widgetSettingsRef = (storeId: string): DocumentReference<WidgetSettings> =>
  db.doc(widgetSettingsPath(storeId)).withConverter(typed<WidgetSettings>());

export const availabilityRef = (storeId: string): DocumentReference<Availability> =>
  db.doc(availabilityPath(storeId)).withConverter(typed<Availability>());

export const conversationsRef = (storeId: string): CollectionReference<Conversation> =>
  db.collection(conversationsPath(storeId)).withConverter(typed<Conversation>());

export const conversationRef = (storeId: string, id: string): DocumentReference<Conversation> =>
  db.doc(conversationPath(storeId, id)).withConverter(typed<Conversation>());

export const messagesRef = (
  storeId: string,
  conversationId: string,
): CollectionReference<Message> =>
  db.collection(messagesPath(storeId, conversationId)).withConverter(typed<Message>());

export const presencesRef = (storeId: string): CollectionReference<OperatorPresence> =>
  db.collection(presencesPath(storeId)).withConverter(typed<OperatorPresence>());

export const presenceRef = (storeId: string, uid: string): DocumentReference<OperatorPresence> =>
  db.doc(presencePath(storeId, uid)).withConverter(typed<OperatorPresence>());

export const offlineMessagesRef = (storeId: string): CollectionReference<OfflineMessage> =>
  db.collection(offlineMessagesPath(storeId)).withConverter(typed<OfflineMessage>());

export const offlineMessageRef = (storeId: string, id: string): DocumentReference<OfflineMessage> =>
  db.doc(offlineMessagePath(storeId, id)).withConverter(typed<OfflineMessage>());

/** Spam-guard counters; untyped on purpose: only the rate limiter reads them. */
export const rateLimitRef = (storeId: string, key: string) => db.doc(rateLimitPath(storeId, key));

/**
 * Per-shopper state: the pointer to their ongoing conversation (one document read in the
 * admission transaction instead of a query, which keeps contention low when many start at
 * once) and their verified customer identity.
 */
export const shopperRef = (storeId: string, uid: string): DocumentReference<ShopperRecord> =>
  db.doc(shopperPath(storeId, uid)).withConverter(typed<ShopperRecord>());

export const identitySecretRef = (storeId: string): DocumentReference<IdentitySecret> =>
  db.doc(identitySecretPath(storeId)).withConverter(typed<IdentitySecret>());

/** A taken chat slot: exists exactly while a conversation holds it. */
export const slotRef = (storeId: string, index: number) => db.doc(slotPath(storeId, index));

/** Archived conversations: one row per verified customer or per guest conversation. */
export const historyRef = (storeId: string): CollectionReference<HistoryRow> =>
  db.collection(historyPath(storeId)).withConverter(typed<HistoryRow>());

export const historyRowRef = (storeId: string, rowId: string): DocumentReference<HistoryRow> =>
  db.doc(historyRowPath(storeId, rowId)).withConverter(typed<HistoryRow>());
