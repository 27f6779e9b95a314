/**
 * Saved replies (`stores/{storeId}/savedReplies`): canned answers operators manage in
 * Settings and insert from the composer. Members write them directly; the rules check
 * the shape, sizes and the server time.
 */
import {
  addDoc,
  collection,
  deleteDoc,
  doc,
  orderBy,
  query,
  serverTimestamp,
  updateDoc,
} from 'firebase/firestore';
import {
  savedRepliesPath,
  savedReplyPath,
  type SavedReply,
  type SavedReplyInput,
} from '@comptoir/core';
import { db } from '../firebase';
import { withId, type WithId } from './converter';

export type SavedReplyDoc = WithId<SavedReply>;

export const savedRepliesQuery = (storeId: string) =>
  query(
    collection(db, savedRepliesPath(storeId)).withConverter(withId<SavedReply>()),
    orderBy('title'),
  );

export const addSavedReply = (storeId: string, reply: SavedReplyInput) =>
  addDoc(collection(db, savedRepliesPath(storeId)), { ...reply, updatedAt: serverTimestamp() });

export const updateSavedReply = (storeId: string, id: string, reply: SavedReplyInput) =>
  updateDoc(doc(db, savedReplyPath(storeId, id)), { ...reply, updatedAt: serverTimestamp() });

export const deleteSavedReply = (storeId: string, id: string) =>
  deleteDoc(doc(db, savedReplyPath(storeId, id)));
