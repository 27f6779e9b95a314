/**
 * The parties of the bench: a store with its operators online, shoppers with a
 * conversation, the writes the widget and the console make (the same keys the rules
 * allow), and a rules-free client for the bare Firestore baseline.
 */
import { deleteApp, initializeApp } from 'firebase/app';
import {
  collection,
  connectFirestoreEmulator,
  doc,
  getFirestore,
  serverTimestamp,
  setDoc,
  type DocumentReference,
  type Firestore,
} from 'firebase/firestore';
import { messagesPath } from '@comptoir/core';
import { clientConfig } from '../scripts/lib/client-config.mjs';
import { DEMO_WIDGET, seedMerchant, seedStore } from '../scripts/lib/seed.mjs';
import {
  call,
  merchantFor,
  operatorClient,
  shopperClient,
  uniqueStoreId,
  type Client,
  type Merchant,
} from '../tests/support/emulators';

const opened: { close(): Promise<void> }[] = [];

/** Closes every client the bench opened (listeners hold the process open otherwise). */
export async function closeAll() {
  await Promise.allSettled(opened.splice(0).map((c) => c.close()));
}

export type Operator = Client & { uid: string; name: string; member: Merchant };
export type Shopper = Client & { uid: string };

/** Runs `task` over `items`, at most `concurrency` at a time, keeping the order of results. */
export async function inPool<T, R>(
  items: readonly T[],
  concurrency: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

/**
 * A fresh store (its own id, so phases never see each other's data) with `operators`
 * members signed in and online. Going online lasts 90 s without a heartbeat: enough for
 * a phase to start its conversations.
 */
export async function openStore(prefix: string, cap: number, operators = 1) {
  const storeId = uniqueStoreId(`bench-${prefix}`);
  await seedStore(storeId, DEMO_WIDGET, { maxConcurrentChats: cap });
  const team: Operator[] = [];
  for (let i = 0; i < operators; i++) {
    const member: Merchant =
      i === 0
        ? merchantFor(storeId)
        : {
            email: `${storeId}-op${i}@comptoir.test`,
            password: 'operator-password',
            displayName: `Operator ${i + 1}`,
          };
    await seedMerchant(storeId, member, i === 0 ? 'owner' : 'operator');
    const client = await operatorClient(member);
    opened.push(client);
    team.push({ ...client, name: member.displayName, member });
  }
  for (const operator of team) await call(operator, 'setOperatorStatus', { storeId, online: true });
  return { storeId, operators: team };
}

/** Another signed-in client of the same operator: one more console tab. */
export async function operatorTab(operator: Operator): Promise<Operator> {
  const client = await operatorClient(operator.member);
  opened.push(client);
  return { ...client, name: operator.name, member: operator.member };
}

export async function signInShoppers(n: number, concurrency = 8): Promise<Shopper[]> {
  return inPool(Array.from({ length: n }), concurrency, async () => {
    const shopper = await shopperClient();
    opened.push(shopper);
    return shopper;
  });
}

export const startConversation = (shopper: Shopper, storeId: string) =>
  call<{ conversationId: string; resumed: boolean }>(shopper, 'startConversation', {
    storeId,
    language: 'en',
  }).then((r) => r.conversationId);

/** A new message's reference: its id is known before the write, so arrivals can be timed. */
export const newMessageRef = (client: Client, storeId: string, conversationId: string) =>
  doc(collection(client.db, messagesPath(storeId, conversationId)));

/** What the widget writes for a shopper's message (widget/src/chat/data.ts). */
export const shopperMessage = (ref: DocumentReference, s: Shopper, text: string) =>
  setDoc(ref, { author: 'shopper', authorUid: s.uid, text, createdAt: serverTimestamp() });

/** What the console writes for an operator's reply (admin-app/src/data/messages.ts). */
export const operatorMessage = (ref: DocumentReference, o: Operator, text: string) =>
  setDoc(ref, {
    author: 'operator',
    authorUid: o.uid,
    authorName: o.name,
    text,
    createdAt: serverTimestamp(),
  });

let bareClients = 0;

/**
 * A web-SDK Firestore that the emulator lets past the security rules (the "owner" token):
 * the bare write → listener baseline, with the same SDK and transport as the apps.
 */
export function bareFirestore(): Firestore {
  const { firebase, emulators } = clientConfig();
  const app = initializeApp(firebase, `bench-bare-${++bareClients}`);
  const db = getFirestore(app);
  connectFirestoreEmulator(db, emulators!.firestore.host, emulators!.firestore.port, {
    mockUserToken: 'owner',
  });
  opened.push({ close: () => deleteApp(app) });
  return db;
}
