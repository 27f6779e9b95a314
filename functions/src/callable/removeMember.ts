/**
 * `removeMember({ storeId, uid })`: the owner takes an operator off the team. Their access
 * ends at once (the rules look the member up on every read); their presence goes too, so
 * the store stops counting them as online. Owners cannot be removed, nor remove themselves:
 * a store always keeps its owner.
 */
import { validateMemberUid, validateStoreId } from '@comptoir/core';
import { onCall } from 'firebase-functions/v2/https';
import { ownerOf } from '../auth';
import { db } from '../config';
import { refreshAvailability } from '../data/availability';
import { memberRef, presenceRef } from '../data/refs';
import { refuse, required } from '../errors';
import * as log from '../logs';

export const removeMember = onCall<unknown, Promise<{ ok: true }>>(async (request) => {
  const input = (request.data ?? {}) as Record<string, unknown>;
  const storeId = required(validateStoreId(input.storeId));
  const uid = required(validateMemberUid(input.uid));
  const owner = await ownerOf(request, storeId, 'remove members');
  if (uid === owner.uid) {
    return refuse(
      'failed-precondition',
      'cannot-remove-self',
      'You cannot remove yourself: the store needs its owner.',
    );
  }
  await db.runTransaction(async (tx) => {
    const member = (await tx.get(memberRef(storeId, uid))).data();
    if (!member) return refuse('not-found', 'member-not-found', 'This person is not a member.');
    if (member.role === 'owner') {
      return refuse(
        'failed-precondition',
        'cannot-remove-owner',
        'An owner cannot be removed from the store.',
      );
    }
    tx.delete(memberRef(storeId, uid));
    tx.delete(presenceRef(storeId, uid));
  });
  log.memberRemoved(storeId, uid);
  // They may have been the one operator online: the widget must follow at once.
  await refreshAvailability(storeId);
  return { ok: true };
});
