/**
 * The one place the console talks to the Firebase SDK setup. Everything else imports
 * `auth` and `db` from here, so the emulator wiring cannot be forgotten by a new module.
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

const config = __COMPTOIR_CONFIG__;

export const firebaseApp = initializeApp(config.firebase);

// initializeAuth (not getAuth) keeps the popup/redirect resolver out of the bundle: the
// console only signs in with email and password.
export const auth = initializeAuth(firebaseApp, {
  persistence: [indexedDBLocalPersistence, browserLocalPersistence],
});

export const db = getFirestore(firebaseApp);

// The callables are deployed to us-central1; the region must match or every call 404s.
export const functions = getFunctions(firebaseApp, 'us-central1');

if (config.emulators) {
  connectAuthEmulator(auth, config.emulators.auth, { disableWarnings: true });
  connectFirestoreEmulator(db, config.emulators.firestore.host, config.emulators.firestore.port);
  connectFunctionsEmulator(
    functions,
    config.emulators.functions.host,
    config.emulators.functions.port,
  );
}
