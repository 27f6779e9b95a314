/**
 * The store's team: its members as a collection, and its invitations, found by id or by
 * the hash of a link's token.
 */
import {
  invitationPath,
  invitationsPath,
  membersPath,
  type Invitation,
  type Member,
} from '@comptoir/core';
import type {
  CollectionReference,
  DocumentReference,
  Query,
  QueryDocumentSnapshot,
  Transaction,
} from 'firebase-admin/firestore';
import { db } from '../config';
import { hashInvitationToken } from '../domain/invitation';
import { typed } from './refs';

export const membersRef = (storeId: string): CollectionReference<Member> =>
  db.collection(membersPath(storeId)).withConverter(typed<Member>());

export const invitationsRef = (storeId: string): CollectionReference<Invitation> =>
  db.collection(invitationsPath(storeId)).withConverter(typed<Invitation>());

export const invitationRef = (storeId: string, id: string): DocumentReference<Invitation> =>
  db.doc(invitationPath(storeId, id)).withConverter(typed<Invitation>());

const byToken = (storeId: string, token: string): Query<Invitation> =>
  invitationsRef(storeId).where('tokenHash', '==', hashInvitationToken(token)).limit(1);

/** The invitation a link's token belongs to, or null (inside a transaction when given). */
export async function findInvitationByToken(
  storeId: string,
  token: string,
  tx?: Transaction,
): Promise<QueryDocumentSnapshot<Invitation> | null> {
  const query = byToken(storeId, token);
  const result = tx ? await tx.get(query) : await query.get();
  return result.docs[0] ?? null;
}
