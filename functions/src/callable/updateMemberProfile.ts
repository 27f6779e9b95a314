/**
 * `updateMemberProfile({ storeId, displayName })`: an operator changes their own name in this
 * store. Replies written afterwards carry the new name (the rules require authorName to equal
 * it); replies already sent keep the name they were sent under.
 */
import { validateMemberName, validateStoreId } from '@comptoir/core';
import { onCall } from 'firebase-functions/v2/https';
import { operatorUid } from '../auth';
import { memberRef } from '../data/refs';
import { refuse, required } from '../errors';

const NOT_FOUND = 5;

export const updateMemberProfile = onCall<unknown, Promise<{ displayName: string }>>(
  async (request) => {
    const input = (request.data ?? {}) as Record<string, unknown>;
    const storeId = required(validateStoreId(input.storeId));
    const displayName = required(validateMemberName(input.displayName));
    const uid = await operatorUid(request, storeId);
    await memberRef(storeId, uid)
      .update({ displayName })
      .catch((error: { code?: number }) => {
        // Removed by the owner between the check and the write: say so, not "internal".
        if (error.code === NOT_FOUND) {
          refuse('permission-denied', 'not-a-member', 'You are not an operator of this store.');
        }
        throw error;
      });
    return { displayName };
  },
);
