/**
 * Operators (`stores/{storeId}/members/{uid}`). The console never knows its store up
 * front: it asks which member documents carry the signed-in uid, across all stores.
 */
import {
  collectionGroup,
  doc,
  query,
  where,
  type DocumentData,
  type FirestoreDataConverter,
} from 'firebase/firestore';
import { memberPath, type Member } from '@comptoir/core';
import { db } from '../firebase';
import { withId, type WithId } from './converter';

/** A membership: the member document plus the store it belongs to. */
export type Membership = WithId<Member> & { readonly storeId: string };

const memberConverter = withId<Member>();

// The store id lives in the path, not in the document: lift it out here so nothing
// downstream has to walk `ref.parent.parent`.
const membershipConverter: FirestoreDataConverter<Membership, DocumentData> = {
  toFirestore(value) {
    const { id: _id, storeId: _storeId, ...data } = value as Membership;
    return data;
  },
  fromFirestore(snapshot): Membership {
    return {
      ...(snapshot.data() as Member),
      id: snapshot.id,
      storeId: snapshot.ref.parent.parent?.id ?? '',
    };
  },
};

/** Every store the user operates. The rules only let a user list their own entries. */
export const membershipsQuery = (uid: string) =>
  query(collectionGroup(db, 'members'), where('uid', '==', uid)).withConverter(membershipConverter);

export const memberRef = (storeId: string, uid: string) =>
  doc(db, memberPath(storeId, uid)).withConverter(memberConverter);
