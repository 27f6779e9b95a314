/**
 * The concurrency cap under a race: 32 signed-in shoppers call startConversation at the
 * same moment against a cap of 5. Exactly 5 may be admitted; the store's slots, counter
 * and ongoing conversations must all say 5 afterwards.
 */
import { getFirestore } from 'firebase-admin/firestore';
import { conversationsPath, slotPath, storePath } from '@comptoir/core';
import { openStore, signInShoppers, startConversation } from './clients';

const RACERS = 32;
const CAP = 5;

export async function measureCap() {
  const { storeId } = await openStore('cap', CAP);
  const racers = await signInShoppers(RACERS);
  const started = Date.now();
  const outcomes = await Promise.allSettled(racers.map((s) => startConversation(s, storeId)));
  const raceMs = Date.now() - started;
  const refusedFull = outcomes.filter(
    (o) =>
      o.status === 'rejected' &&
      (o.reason as { details?: { code?: string } }).details?.code === 'store-full',
  ).length;
  const db = getFirestore();
  const [ongoing, slots, store] = await Promise.all([
    db.collection(conversationsPath(storeId)).where('status', '==', 'ongoing').get(),
    db.doc(slotPath(storeId, 0)).parent.get(),
    db.doc(storePath(storeId)).get(),
  ]);
  return {
    capRacers: RACERS,
    capLimit: CAP,
    capAdmitted: outcomes.filter((o) => o.status === 'fulfilled').length,
    capRefusedFull: refusedFull,
    capOngoingAfterRace: ongoing.size,
    capSlotsTaken: slots.size,
    capOngoingCounter: store.get('ongoingCount') as number,
    capRaceMs: raceMs,
  };
}
