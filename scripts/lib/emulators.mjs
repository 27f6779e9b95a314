// Starting the emulator suite the same way for `npm start` and `npm test`.
import { DEMO_PROJECT_ID, firebaseJson } from './client-config.mjs';
import { assertJava, firestoreEmulatorEnv } from './firestore-emulator.mjs';

export const EMULATED = 'auth,firestore,functions,hosting';

/** Arguments and environment for `firebase emulators:<command>`. Throws a clear error. */
export function emulatorCommand(command, extraArgs = []) {
  assertJava();
  return {
    args: [`emulators:${command}`, '--project', DEMO_PROJECT_ID, '--only', EMULATED, ...extraArgs],
    env: {
      ...firestoreEmulatorEnv(),
      // No telemetry or update checks: there is no network to ask.
      FIREBASE_CLI_DISABLE_UPDATE_CHECK: 'true',
      FIREBASE_CLI_EXPERIMENTS: process.env.FIREBASE_CLI_EXPERIMENTS ?? '',
    },
  };
}

/** host:port of each emulator, from firebase.json. */
export function emulatorHosts() {
  const { emulators } = firebaseJson();
  const at = (name) => `${emulators[name].host}:${emulators[name].port}`;
  return {
    auth: at('auth'),
    firestore: at('firestore'),
    functions: at('functions'),
    hosting: at('hosting'),
  };
}

/** Environment that points the admin SDK (seed, tests) at the emulators. */
export function adminEmulatorEnv() {
  const hosts = emulatorHosts();
  return {
    FIRESTORE_EMULATOR_HOST: hosts.firestore,
    FIREBASE_AUTH_EMULATOR_HOST: hosts.auth,
    GCLOUD_PROJECT: DEMO_PROJECT_ID,
  };
}

/** Polls a URL until it answers with one of the expected statuses. */
export async function waitFor(url, { timeoutMs = 120000, ok = (status) => status < 500 } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (ok(response.status)) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`Timed out waiting for ${url}`);
}
