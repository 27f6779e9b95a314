/**
 * `setOperatorStatus({ storeId, online })`: the console's online/offline switch, and its
 * heartbeat (the console repeats `online: true` every 25 s while open). The store's
 * public availability is recomputed at once, so the widget follows within seconds.
 * Going offline also archives the store's finished conversations into its history.
 */
import { validateStoreId, type AvailabilityStatus } from '@comptoir/core';
import { Timestamp } from 'firebase-admin/firestore';
import { onCall } from 'firebase-functions/v2/https';
import { archiveFinished } from '../archive/archiveFinished';
import { operatorUid } from '../auth';
import { refreshAvailability } from '../data/availability';
import { presenceRef } from '../data/refs';
import { refuse, required } from '../errors';
import * as log from '../logs';

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
    const status = await refreshAvailability(storeId);
    if (!input.online) await archiveOnOffline(storeId);
    return { status };
  },
);

/**
 * Awaited, not kicked off: a function's CPU is throttled once it has answered, so work
 * left running after the answer may never finish. The run is bounded (see
 * ARCHIVE_MAX_BATCHES and ARCHIVE_TIME_BUDGET_MS: a thousand conversations at most) and
 * resumable, so what it leaves waits for the next offline switch. A failure never fails
 * the switch: the operator is offline either way, and the next switch resumes.
 */
async function archiveOnOffline(storeId: string) {
  try {
    const { archived, complete } = await archiveFinished(storeId);
    log.conversationsArchived(storeId, archived, complete);
  } catch (error) {
    log.archiveFailed(storeId, error instanceof Error ? error.message : String(error));
  }
}
