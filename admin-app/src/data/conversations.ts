/** Conversations (`stores/{storeId}/conversations/{id}`): the inbox and its read marks. */
import {
  collection,
  doc,
  limit,
  orderBy,
  query,
  serverTimestamp,
  updateDoc,
  where,
} from 'firebase/firestore';
import { conversationPath, conversationsPath, type Conversation } from '@comptoir/core';
import { db } from '../firebase';
import { withId, type WithId } from './converter';

export type ConversationDoc = WithId<Conversation>;

const converter = withId<Conversation>();

/** Live threads, most recent activity first (composite index in firestore.indexes.json). */
export const ongoingConversationsQuery = (storeId: string) =>
  query(
    collection(db, conversationsPath(storeId)).withConverter(converter),
    where('status', '==', 'ongoing'),
    orderBy('lastMessageAt', 'desc'),
  );

/**
 * Conversations ended but not yet archived (the recap's Finished tab), newest first. Going
 * offline archives them, so the list stays short; the limit bounds a long day's reads.
 */
export const FINISHED_LIST_LIMIT = 50;
export const finishedConversationsQuery = (storeId: string) =>
  query(
    collection(db, conversationsPath(storeId)).withConverter(converter),
    where('status', '==', 'finished'),
    orderBy('lastMessageAt', 'desc'),
    limit(FINISHED_LIST_LIMIT),
  );

export const conversationRef = (storeId: string, conversationId: string) =>
  doc(db, conversationPath(storeId, conversationId)).withConverter(converter);

/**
 * The only conversation write the rules grant an operator: exactly these two keys, with
 * the server's clock, so the unread counter cannot be forged or set to anything but zero.
 */
export function markConversationRead(storeId: string, conversationId: string) {
  return updateDoc(doc(db, conversationPath(storeId, conversationId)), {
    unreadByOperator: 0,
    operatorReadAt: serverTimestamp(),
  });
}

/** The operator's typing mark, under their own display name (the rules check the name). */
export function setOperatorTyping(
  storeId: string,
  conversationId: string,
  typing: boolean,
  name: string,
) {
  return updateDoc(doc(db, conversationPath(storeId, conversationId)), {
    operatorTypingAt: typing ? serverTimestamp() : null,
    operatorTypingName: typing ? name : null,
  });
}
