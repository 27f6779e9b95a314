/**
 * Operators (`stores/{storeId}/members/{uid}`). The console never knows its store up
 * front: it asks which member documents carry the signed-in uid, across all stores.
 */
import {
  collection,
  collectionGroup,
  doc,
  query,
  where,
  type DocumentData,
  type FirestoreDataConverter,
} from 'firebase/firestore';
import { httpsCallable } from 'firebase/functions';
import { memberPath, membersPath, type Member } from '@comptoir/core';
import { db, functions } from '../firebase';
import { withId, withStoreId, type InStore, type WithId } from './converter';

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

/** A member as the Team page lists them: the store id lifted out, to drop a stale store. */
export type TeamMember = InStore<Member>;

const teamMemberConverter = withStoreId<Member>();

/** Everyone on a store's team (the Team page); the rules let members list each other. */
export const membersQuery = (storeId: string) =>
  query(collection(db, membersPath(storeId))).withConverter(teamMemberConverter);

const removeMemberFn = httpsCallable<{ storeId: string; uid: string }, { ok: true }>(
  functions,
  'removeMember',
);
const updateMemberProfileFn = httpsCallable<
  { storeId: string; displayName: string },
  { displayName: string }
>(functions, 'updateMemberProfile');

/** Takes an operator off the team (owners only; the server refuses owners and oneself). */
export async function removeMember(storeId: string, uid: string) {
  await removeMemberFn({ storeId, uid });
}

/** Changes the caller's own name in this store: new replies carry it. */
export async function updateMemberProfile(storeId: string, displayName: string) {
  return (await updateMemberProfileFn({ storeId, displayName })).data;
}
