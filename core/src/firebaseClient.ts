/**
 * Firebase for the two web apps (the console and the widget's chat app), set up one way:
 * Auth without the popup/redirect resolver (neither app uses it; it keeps bundles small),
 * Firestore, the callables' region, and the emulator wiring a local build needs.
 * Imported as `@comptoir/core/firebase-client`, apart from the index, so the functions
 * (which use the admin SDK) never pull in the web SDK.
 */
import { initializeApp } from 'firebase/app';
import {
  browserLocalPersistence,
  connectAuthEmulator,
  indexedDBLocalPersistence,
  initializeAuth,
} from 'firebase/auth';
import { connectFirestoreEmulator, getFirestore } from 'firebase/firestore';
import { connectFunctionsEmulator, getFunctions } from 'firebase/functions';
import type { ClientConfig } from './clientConfig';

/** The callables are deployed to us-central1; the region must match or every call 404s. */
export const FUNCTIONS_REGION = 'us-central1';

export function initializeClient(config: ClientConfig) {
  const app = initializeApp(config.firebase);
  const auth = initializeAuth(app, {
    persistence: [indexedDBLocalPersistence, browserLocalPersistence],
  });
  const db = getFirestore(app);
  const functions = getFunctions(app, FUNCTIONS_REGION);
  if (config.emulators) {
    const { emulators } = config;
    connectAuthEmulator(auth, emulators.auth, { disableWarnings: true });
    connectFirestoreEmulator(db, emulators.firestore.host, emulators.firestore.port);
    connectFunctionsEmulator(functions, emulators.functions.host, emulators.functions.port);
  }
  return { app, auth, db, functions };
}
