/**
 * Recomputes a store's public availability from its settings, counter and operator
 * presence, in one transaction so concurrent refreshes cannot write a stale answer.
 * Called after anything that can change it: the switch, a heartbeat, settings, a slot
 * taken or freed.
 */
import type { AvailabilityStatus } from '@comptoir/core';
import { FieldValue, Timestamp } from 'firebase-admin/firestore';
import { OPERATOR_GRACE_SECONDS } from '../config';
import { deriveAvailability } from '../domain/availability';
import { availabilityRef, presencesRef, storeRef, widgetSettingsRef } from './refs';
import { runContendedTransaction } from './transactions';

export async function refreshAvailability(storeId: string): Promise<AvailabilityStatus> {
  return runContendedTransaction(async (tx) => {
    const [store, widget, presences] = await Promise.all([
      tx.get(storeRef(storeId)),
      tx.get(widgetSettingsRef(storeId)),
      tx.get(presencesRef(storeId).where('online', '==', true)),
    ]);
    const derived = deriveAvailability(
      store.data(),
      presences.docs.map((d) => d.data()),
      widget.data()?.launcher,
      Date.now(),
      OPERATOR_GRACE_SECONDS,
    );
    tx.set(availabilityRef(storeId), {
      ...derived,
      onlineUntil: derived.onlineUntil === null ? null : Timestamp.fromMillis(derived.onlineUntil),
      updatedAt: FieldValue.serverTimestamp() as unknown as Timestamp,
    });
    return derived.status;
  });
}
