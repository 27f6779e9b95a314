/**
 * Contact-form messages left while nobody could chat (`stores/{storeId}/offlineMessages`).
 * Functions create them and track the notification email; operators only flip `read`.
 */
import { collection, doc, limit, orderBy, query, updateDoc, where } from 'firebase/firestore';
import { offlineMessagePath, offlineMessagesPath, type OfflineMessage } from '@comptoir/core';
import { db } from '../firebase';
import { withId, type WithId } from './converter';

export type OfflineMessageDoc = WithId<OfflineMessage>;

const converter = withId<OfflineMessage>();

/**
 * How many messages the page lists. Old messages have been emailed and answered long
 * ago; an unbounded listener would grow with the store's whole history.
 */
export const OFFLINE_MESSAGES_LIMIT = 200;

export const offlineMessagesQuery = (storeId: string) =>
  query(
    collection(db, offlineMessagesPath(storeId)).withConverter(converter),
    orderBy('createdAt', 'desc'),
    limit(OFFLINE_MESSAGES_LIMIT),
  );

// Its own query, not a filter over the list: the badge must count unread messages older
// than the listed ones too. An equality filter alone needs no composite index.
export const unreadOfflineMessagesQuery = (storeId: string) =>
  query(
    collection(db, offlineMessagesPath(storeId)).withConverter(converter),
    where('read', '==', false),
  );

/** The only write the rules grant a member on these documents: exactly `{ read }`. */
export function setOfflineMessageRead(storeId: string, id: string, read: boolean) {
  return updateDoc(doc(db, offlineMessagePath(storeId, id)), { read });
}
