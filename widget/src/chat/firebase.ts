/**
 * Firebase for the chat app, initialised once. Auth is set up without the popup/redirect
 * resolver (shoppers only ever sign in anonymously), which keeps the iframe bundle small.
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

export const app = initializeApp(config.firebase);
export const auth = initializeAuth(app, {
  persistence: [indexedDBLocalPersistence, browserLocalPersistence],
});
export const db = getFirestore(app);
export const functions = getFunctions(app, 'us-central1');

if (config.emulators) {
  connectAuthEmulator(auth, config.emulators.auth, { disableWarnings: true });
  connectFirestoreEmulator(db, config.emulators.firestore.host, config.emulators.firestore.port);
  connectFunctionsEmulator(
    functions,
    config.emulators.functions.host,
    config.emulators.functions.port,
  );
}
