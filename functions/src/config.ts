/**
 * Configuration read once: region, admin SDK handles and tunables. Every function
 * imports from here rather than calling initializeApp or reading env vars itself.
 */
import { getApps, initializeApp } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { getFirestore } from 'firebase-admin/firestore';
import { setGlobalOptions } from 'firebase-functions/v2';

export const REGION = 'us-central1';

setGlobalOptions({ region: REGION, maxInstances: 20 });

if (getApps().length === 0) initializeApp();

export const db = getFirestore();
export const auth = getAuth();

/** How long the availability endpoint keeps an answer in memory (and lets CDNs cache it). */
export const AVAILABILITY_CACHE_SECONDS = 10;

/** True when running under the emulator suite (set by firebase-tools). */
export const IN_EMULATOR = process.env.FUNCTIONS_EMULATOR === 'true';
