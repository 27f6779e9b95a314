/**
 * Gives back the chat slots of shoppers who left the store: an ongoing conversation whose
 * shopper has sent no heartbeat for SHOPPER_IDLE_SECONDS is finished ('shopper-left').
 * A plain function: the scheduler calls it in production, the dev ticker and the tests
 * call it through the emulator-only `devSweep` endpoint (schedules never fire there).
 */
import { Timestamp } from 'firebase-admin/firestore';
import { db, SHOPPER_IDLE_SECONDS } from '../config';
import { refreshAvailability } from '../data/availability';
import { finishConversation } from '../data/conversations';
import * as log from '../logs';
import type { Conversation } from '@comptoir/core';
import type { DocumentReference } from 'firebase-admin/firestore';

/** Returns how many conversations it ended. */
export async function releaseIdleConversations(nowMs = Date.now()): Promise<number> {
  const cutoff = Timestamp.fromMillis(nowMs - SHOPPER_IDLE_SECONDS * 1000);
  const idle = await db
    .collectionGroup('conversations')
    .where('status', '==', 'ongoing')
    .where('shopperSeenAt', '<', cutoff)
    .limit(200)
    .get();
  const touched = new Set<string>();
  let releasedCount = 0;
  for (const doc of idle.docs) {
    const storeId = doc.ref.parent.parent!.id;
    const ref = doc.ref as DocumentReference<Conversation>;
    const released = await db.runTransaction(async (tx) => {
      const conversation = await tx.get(ref);
      const data = conversation.data();
      // Re-checked inside the transaction: the shopper may have come back meanwhile. A
      // conversation reopened recently is left time for the merchant's follow-up.
      const lastSign = Math.max(
        data?.shopperSeenAt?.toMillis() ?? 0,
        data?.reopenedAt?.toMillis() ?? 0,
      );
      if (data?.status !== 'ongoing' || lastSign >= cutoff.toMillis()) {
        return false;
      }
      finishConversation(tx, storeId, conversation, 'shopper-left');
      return true;
    });
    if (released) {
      releasedCount++;
      log.conversationEnded(storeId, doc.id, 'shopper-left');
      touched.add(storeId);
    }
  }
  await Promise.all([...touched].map((storeId) => refreshAvailability(storeId)));
  return releasedCount;
}
