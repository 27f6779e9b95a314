/** Who is calling: checks shared by every callable, each refusing with a clear code. */
import type { Member } from '@comptoir/core';
import type { CallableRequest } from 'firebase-functions/v2/https';
import { memberRef } from './data/refs';
import { refuse } from './errors';

/** The caller's uid; any signed-in user (shoppers are anonymous users). */
export function signedInUid(request: CallableRequest): string {
  const uid = request.auth?.uid;
  if (!uid) return refuse('unauthenticated', 'unauthenticated', 'Sign in first.');
  return uid;
}

/** The caller's uid, if they operate this store; refuses everyone else. */
export async function operatorUid(request: CallableRequest, storeId: string): Promise<string> {
  const uid = signedInUid(request);
  const member = await memberRef(storeId, uid).get();
  if (!member.exists) {
    return refuse('permission-denied', 'not-a-member', 'You are not an operator of this store.');
  }
  return uid;
}

/** The caller, if they own this store (team changes, secrets); refuses everyone else. */
export async function ownerOf(
  request: CallableRequest,
  storeId: string,
  action: string,
): Promise<Member> {
  const uid = signedInUid(request);
  const member = (await memberRef(storeId, uid).get()).data();
  if (!member) {
    return refuse('permission-denied', 'not-a-member', 'You are not an operator of this store.');
  }
  if (member.role !== 'owner') {
    return refuse('permission-denied', 'owner-only', `Only the store’s owner can ${action}.`);
  }
  return member;
}
