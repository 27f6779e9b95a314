/** Messages of one conversation (`…/conversations/{id}/messages/{id}`). */
import {
  addDoc,
  collection,
  orderBy,
  query,
  serverTimestamp,
  type DocumentData,
  type FirestoreDataConverter,
} from 'firebase/firestore';
import { messagesPath, type Message, type TimestampLike } from '@comptoir/core';
import { db } from '../firebase';
import { withId, type WithId } from './converter';

/**
 * `createdAt` is null on this client between sending and the server's acknowledgement
 * (a pending serverTimestamp); the thread shows those as "Sending…".
 */
export type MessageDoc = WithId<
  Omit<Message, 'createdAt'> & {
    createdAt: TimestampLike | null;
    /** From the path: tells a thread's messages apart from the previous thread's. */
    conversationId: string;
  }
>;

type StoredMessage = Omit<MessageDoc, 'id' | 'conversationId'>;

const base = withId<StoredMessage>();

const converter: FirestoreDataConverter<MessageDoc, DocumentData> = {
  toFirestore: (value) => base.toFirestore(value as WithId<StoredMessage>),
  fromFirestore: (snapshot, options) => ({
    ...base.fromFirestore(snapshot, options),
    conversationId: snapshot.ref.parent.parent?.id ?? '',
  }),
};

// Pending writes sort after every confirmed timestamp, so a message being sent appears
// at the bottom of the thread straight away.
export const messagesQuery = (storeId: string, conversationId: string) =>
  query(
    collection(db, messagesPath(storeId, conversationId)).withConverter(converter),
    orderBy('createdAt', 'asc'),
  );

export interface OperatorReply {
  authorUid: string;
  /** Must equal the member document's displayName: the rules compare them. */
  authorName: string;
  /** Already validated and trimmed with validateMessageText. */
  text: string;
}

/** Writes exactly the keys the rules allow for an operator message, nothing more. */
export function addOperatorMessage(storeId: string, conversationId: string, reply: OperatorReply) {
  const data: DocumentData = {
    author: 'operator',
    authorUid: reply.authorUid,
    authorName: reply.authorName,
    text: reply.text,
    createdAt: serverTimestamp(),
  };
  return addDoc(collection(db, messagesPath(storeId, conversationId)), data);
}
