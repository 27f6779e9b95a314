// The Firebase web config baked into the console and the widget at build time.
// Local builds point at the emulator suite (ports from firebase.json, a demo- project, so
// no credentials exist anywhere). A production build takes the real web config from
// COMPTOIR_FIREBASE_CONFIG (the JSON the Firebase console shows for a web app).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEMO_STORE_PORT } from './demo-store-server.mjs';

const ROOT = resolve(import.meta.dirname, '../..');

export const firebaseJson = () => JSON.parse(readFileSync(resolve(ROOT, 'firebase.json'), 'utf8'));

export const DEMO_PROJECT_ID = JSON.parse(readFileSync(resolve(ROOT, '.firebaserc'), 'utf8'))
  .projects.default;

/** @returns {import('../../core/src/clientConfig').ClientConfig} */
export function clientConfig(env = process.env) {
  if (env.COMPTOIR_FIREBASE_CONFIG) {
    return {
      firebase: JSON.parse(env.COMPTOIR_FIREBASE_CONFIG),
      emulators: null,
      demoStoreUrl: env.COMPTOIR_DEMO_STORE_URL ?? null,
    };
  }
  const { emulators } = firebaseJson();
  return {
    firebase: {
      apiKey: 'demo-api-key',
      authDomain: `${DEMO_PROJECT_ID}.firebaseapp.com`,
      projectId: DEMO_PROJECT_ID,
    },
    emulators: {
      auth: `http://${emulators.auth.host}:${emulators.auth.port}`,
      firestore: { host: emulators.firestore.host, port: emulators.firestore.port },
      functions: { host: emulators.functions.host, port: emulators.functions.port },
    },
    // `npm start` serves the demo store here (scripts/lib/demo-store-server.mjs).
    demoStoreUrl: env.COMPTOIR_DEMO_STORE_URL ?? `http://127.0.0.1:${DEMO_STORE_PORT}/`,
  };
}

/** Base URL of Hosting (the console, the widget files and /api). */
export function hostingOrigin(env = process.env) {
  if (env.COMPTOIR_HOSTING_ORIGIN) return env.COMPTOIR_HOSTING_ORIGIN;
  const { hosting } = firebaseJson().emulators;
  return `http://${hosting.host}:${hosting.port}`;
}
