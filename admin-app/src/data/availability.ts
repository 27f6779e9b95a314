/**
 * Whether the store can chat right now: each operator's own switch
 * (`stores/{storeId}/presence/{uid}`) and the store-wide result the widget reads
 * (`stores/{storeId}/public/availability`). Both are written by functions only; the
 * console changes them through `setOperatorStatus` in callables.ts.
 */
import { doc } from 'firebase/firestore';
import {
  availabilityPath,
  presencePath,
  type Availability,
  type OperatorPresence,
} from '@comptoir/core';
import { db } from '../firebase';
import { withStoreId, type InStore } from './converter';

export type PresenceDoc = InStore<OperatorPresence>;
export type AvailabilityDoc = InStore<Availability>;

const presenceConverter = withStoreId<OperatorPresence>();
const availabilityConverter = withStoreId<Availability>();

export const presenceRef = (storeId: string, uid: string) =>
  doc(db, presencePath(storeId, uid)).withConverter(presenceConverter);

export const availabilityRef = (storeId: string) =>
  doc(db, availabilityPath(storeId)).withConverter(availabilityConverter);
