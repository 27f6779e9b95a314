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

const config = __COMPTOIR_CONFIG__;

export const firebaseApp = initializeApp(config.firebase);

// initializeAuth (not getAuth) keeps the popup/redirect resolver out of the bundle: the
// console only signs in with email and password.
export const auth = initializeAuth(firebaseApp, {
  persistence: [indexedDBLocalPersistence, browserLocalPersistence],
});

export const db = getFirestore(firebaseApp);

if (config.emulators) {
  connectAuthEmulator(auth, config.emulators.auth, { disableWarnings: true });
  connectFirestoreEmulator(db, config.emulators.firestore.host, config.emulators.firestore.port);
}
