/**
 * Typed references for the functions, built from the shared paths. Triggers and callables
 * go through these instead of writing path strings.
 */
import {
  availabilityPath,
  conversationPath,
  conversationsPath,
  memberPath,
  messagesPath,
  storePath,
  widgetSettingsPath,
  type Availability,
  type Conversation,
  type Member,
  type Message,
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
function typed<T extends object>(): FirestoreDataConverter<T> {
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
