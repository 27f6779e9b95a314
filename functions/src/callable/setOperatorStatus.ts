/**
 * `setOperatorStatus({ storeId, online })`: the console's online/offline switch, and its
 * heartbeat (the console repeats `online: true` every 25 s while open). The store's
 * public availability is recomputed at once, so the widget follows within seconds.
 */
import { validateStoreId, type AvailabilityStatus } from '@comptoir/core';
import { Timestamp } from 'firebase-admin/firestore';
import { onCall } from 'firebase-functions/v2/https';
import { operatorUid } from '../auth';
import { refreshAvailability } from '../data/availability';
import { presenceRef } from '../data/refs';
import { refuse, required } from '../errors';

export const setOperatorStatus = onCall<unknown, Promise<{ status: AvailabilityStatus }>>(
  async (request) => {
    const input = (request.data ?? {}) as Record<string, unknown>;
    const storeId = required(validateStoreId(input.storeId));
    if (typeof input.online !== 'boolean') {
      return refuse(
        'invalid-argument',
        'invalid-status',
        'Say whether you are online (true or false).',
      );
    }
    const uid = await operatorUid(request, storeId);
    await presenceRef(storeId, uid).set({ online: input.online, lastSeenAt: Timestamp.now() });
    return { status: await refreshAvailability(storeId) };
  },
);
