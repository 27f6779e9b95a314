/**
 * Shared setup for the suites that run inside `firebase emulators:exec`: admin access for
 * seeding and checking, web-SDK clients that act as a shopper or an operator, and a poll
 * helper for effects that Cloud Functions apply asynchronously.
 */
import { deleteApp, initializeApp, type FirebaseApp, type FirebaseError } from 'firebase/app';
import {
  connectAuthEmulator,
  getAuth,
  signInAnonymously,
  signInWithEmailAndPassword,
  type Auth,
} from 'firebase/auth';
import { connectFirestoreEmulator, getFirestore, type Firestore } from 'firebase/firestore';
import {
  connectFunctionsEmulator,
  getFunctions,
  httpsCallable,
  type Functions,
} from 'firebase/functions';
import { clientConfig, hostingOrigin } from '../../scripts/lib/client-config.mjs';

const config = clientConfig();
export const HOSTING = hostingOrigin();
export const PROJECT_ID = config.firebase.projectId;

// The admin SDK reads these; emulators:exec sets them too, but tests may run standalone.
const emulators = config.emulators!;
process.env.FIRESTORE_EMULATOR_HOST ??= `${emulators.firestore.host}:${emulators.firestore.port}`;
process.env.FIREBASE_AUTH_EMULATOR_HOST ??= emulators.auth.replace('http://', '');
process.env.GCLOUD_PROJECT ??= PROJECT_ID;

export interface Client {
  app: FirebaseApp;
  auth: Auth;
  db: Firestore;
  functions: Functions;
  close(): Promise<void>;
}

let clients = 0;

/** A fresh web-SDK app (its own auth session) connected to the emulators. */
export function webClient(): Client {
  const app = initializeApp(config.firebase, `client-${++clients}`);
  const auth = getAuth(app);
  connectAuthEmulator(auth, emulators.auth, { disableWarnings: true });
  const db = getFirestore(app);
  connectFirestoreEmulator(db, emulators.firestore.host, emulators.firestore.port);
  const functions = getFunctions(app, 'us-central1');
  connectFunctionsEmulator(functions, emulators.functions.host, emulators.functions.port);
  return { app, auth, db, functions, close: () => deleteApp(app) };
}

/** A web client signed in anonymously, as the widget signs shoppers in. */
export async function shopperClient(): Promise<Client & { uid: string }> {
  const client = webClient();
  const { user } = await signInAnonymously(client.auth);
  return { ...client, uid: user.uid };
}

/** Polls until `read` returns a value that `accept` approves; fails with the last value. */
export async function eventually<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  { timeoutMs = 15000, intervalMs = 150 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!accept(last)) {
    if (Date.now() > deadline) {
      throw new Error(
        `Condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(last)}`,
      );
    }
    await new Promise((r) => setTimeout(r, intervalMs));
    last = await read();
  }
  return last;
}

/** A store id no other test uses, so suites never see each other's data. */
export const uniqueStoreId = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

export interface Merchant {
  email: string;
  password: string;
  displayName: string;
}

/** A merchant account that operates a store, as the seed creates one. */
export const merchantFor = (storeId: string, displayName = 'Camille'): Merchant => ({
  email: `${storeId}@comptoir.test`,
  password: 'merchant-password',
  displayName,
});

/** A web client signed in as an operator of the store. */
export async function operatorClient(merchant: Merchant): Promise<Client & { uid: string }> {
  const client = webClient();
  const { user } = await signInWithEmailAndPassword(client.auth, merchant.email, merchant.password);
  return { ...client, uid: user.uid };
}

/** Calls a callable as this client and returns its data. */
export const call = <T = unknown>(client: Client, name: string, data: unknown) =>
  httpsCallable<unknown, T>(client.functions, name)(data).then((r) => r.data);

/** A refused callable: its HTTP-ish status, stable code (details.code), message and details. */
export async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    const e = error as FirebaseError & {
      details?: { code?: string; fields?: Record<string, string> };
    };
    return { status: e.code, code: e.details?.code, message: e.message, details: e.details };
  }
  throw new Error('expected the call to be refused');
}

/**
 * Runs the sweeps now (the emulator never fires schedules). `atMs` runs them as if at that
 * time, for batches that would only be due later (reply emails).
 */
export async function sweepNow(atMs?: number): Promise<void> {
  const { functions } = emulators;
  const at = atMs ? `?now=${atMs}` : '';
  const response = await fetch(
    `http://${functions.host}:${functions.port}/${PROJECT_ID}/us-central1/devSweep${at}`,
    { method: 'POST' },
  );
  if (!response.ok) throw new Error(`devSweep answered ${response.status}`);
}

/** The local SendGrid sink's outbox (see scripts/mail-sink). */
export const MAIL_SINK = process.env.COMPTOIR_MAIL_SINK ?? 'http://127.0.0.1:8025';

export interface SunkMail {
  id: string;
  from: string;
  to: string[];
  replyTo: string | null;
  subject: string;
  text: string;
  html: string;
}

export async function outbox(): Promise<SunkMail[]> {
  return (await fetch(`${MAIL_SINK}/api/messages`)).json() as Promise<SunkMail[]>;
}

/** Clients opened by the helpers below; close them in `afterAll(closeClients)`. */
const opened: Client[] = [];
export async function closeClients() {
  await Promise.all(opened.splice(0).map((c) => c.close()));
}

/** A seeded store whose operator is online, with the given settings (e.g. the cap). */
export async function openStore(prefix: string, settings: Record<string, unknown> = {}) {
  const { DEMO_WIDGET, seedMerchant, seedStore } = await import('../../scripts/lib/seed.mjs');
  const storeId = uniqueStoreId(prefix);
  await seedStore(storeId, DEMO_WIDGET, settings);
  const merchant = merchantFor(storeId);
  await seedMerchant(storeId, merchant);
  const operator = await operatorClient(merchant);
  opened.push(operator);
  await call(operator, 'setOperatorStatus', { storeId, online: true });
  return { storeId, merchant, operator };
}

/** A signed-in anonymous shopper, closed by closeClients. */
export async function newShopper() {
  const client = await shopperClient();
  opened.push(client);
  return client;
}
