/**
 * Invitations to a store's team (`stores/{storeId}/invitations`). Members read the pending
 * ones; every change goes through the functions, which own the token and the owner check.
 */
import { FirebaseError } from 'firebase/app';
import { collection, query, where } from 'firebase/firestore';
import { httpsCallable } from 'firebase/functions';
import {
  invitationsPath,
  type Invitation,
  type InvitationInput,
  type InvitationPreview,
} from '@comptoir/core';
import { db, functions } from '../firebase';
import { withStoreId, type InStore } from './converter';

export type InvitationDoc = InStore<Invitation>;

const converter = withStoreId<Invitation>();

// An equality filter alone needs no composite index; the page sorts the few results.
export const pendingInvitationsQuery = (storeId: string) =>
  query(
    collection(db, invitationsPath(storeId)).withConverter(converter),
    where('state', '==', 'pending'),
  );

const inviteOperatorFn = httpsCallable<
  { storeId: string } & InvitationInput,
  { invitationId: string }
>(functions, 'inviteOperator');
const revokeInvitationFn = httpsCallable<{ storeId: string; invitationId: string }, { ok: true }>(
  functions,
  'revokeInvitation',
);
const previewInvitationFn = httpsCallable<{ storeId: string; token: string }, InvitationPreview>(
  functions,
  'previewInvitation',
);
const acceptInvitationFn = httpsCallable<
  { storeId: string; token: string; displayName: string },
  { storeId: string }
>(functions, 'acceptInvitation');

/** Invites someone to the team by email (owners only); the server emails the link. */
export async function inviteOperator(storeId: string, input: InvitationInput) {
  return (await inviteOperatorFn({ storeId, ...input })).data;
}

export async function revokeInvitation(storeId: string, invitationId: string) {
  await revokeInvitationFn({ storeId, invitationId });
}

/** What a join link is for; works signed out (the token is the credential). */
export async function previewInvitation(storeId: string, token: string) {
  return (await previewInvitationFn({ storeId, token })).data;
}

/** The signed-in invitee joins the store as an operator under this name. */
export async function acceptInvitation(storeId: string, token: string, displayName: string) {
  return (await acceptInvitationFn({ storeId, token, displayName })).data;
}

/** The stable code a callable refused with (`details.code`), or null. */
export function refusalCode(err: unknown): string | null {
  if (!(err instanceof FirebaseError)) return null;
  const details = (err as FirebaseError & { details?: { code?: unknown } }).details;
  return typeof details?.code === 'string' ? details.code : null;
}

/** Per-field messages a callable refused with (`details.fields`), whatever its code. */
export function fieldErrorsOf(err: unknown): Record<string, string> {
  if (!(err instanceof FirebaseError)) return {};
  const details = (err as FirebaseError & { details?: { fields?: unknown } }).details;
  const fields = details?.fields;
  if (typeof fields !== 'object' || fields === null) return {};
  return Object.fromEntries(
    Object.entries(fields).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}
