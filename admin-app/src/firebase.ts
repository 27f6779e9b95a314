/**
 * The one place the console talks to the Firebase SDK setup. Everything else imports
 * `auth`, `db` and `functions` from here, so the emulator wiring cannot be forgotten.
 */
import { initializeClient } from '@comptoir/core/firebase-client';

const client = initializeClient(__COMPTOIR_CONFIG__);

export const firebaseApp = client.app;
export const auth = client.auth;
export const db = client.db;
export const functions = client.functions;
