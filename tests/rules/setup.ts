/**
 * Shared setup for the Firestore security-rules suites: the test environment (emulator at
 * 127.0.0.1:8080, rules loaded from firestore.rules by coverage.ts), the cast of callers, and the seed data.
 *
 * Two stores, A and B. Alice operates A, Bruno operates B. Shopper 1 and shopper 2 are
 * anonymous shoppers of store A; shopper 1 also has an ongoing conversation with store B.
 */
import { PROJECT_ID } from './project';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { newConversation } from '../../functions/src/domain/conversation';
import {
  initializeTestEnvironment,
  type RulesTestContext,
  type RulesTestEnvironment,
} from '@firebase/rules-unit-testing';
import { doc, setDoc, setLogLevel, Timestamp, type Firestore } from 'firebase/firestore';
import {
  availabilityPath,
  conversationPath,
  memberPath,
  messagesPath,
  storePath,
  widgetSettingsPath,
  type Conversation,
  type ConversationStatus,
  type Member,
  type Message,
} from '@comptoir/core';

export { PROJECT_ID };

export const STORE_A = 'store-a';
export const STORE_B = 'store-b';

/** Operators: Alice is a member of store A only, Bruno of store B only. */
export const ALICE: Member = {
  uid: 'operator-alice',
  role: 'owner',
  displayName: 'Alice',
  email: 'alice@store-a.test',
};
export const BRUNO: Member = {
  uid: 'operator-bruno',
  role: 'operator',
  displayName: 'Bruno',
  email: 'bruno@store-b.test',
};

/** Anonymous shoppers. */
export const SHOPPER_1 = 'shopper-one';
export const SHOPPER_2 = 'shopper-two';

/** Conversations of store A. */
export const CONV_1 = 'conv-shopper-one'; // shopper 1, ongoing
export const CONV_2 = 'conv-shopper-two'; // shopper 2, ongoing
export const CONV_1_FINISHED = 'conv-shopper-one-finished'; // shopper 1, finished
export const CONV_1_ARCHIVED = 'conv-shopper-one-archived'; // shopper 1, archived
/** Conversation of store B (shopper 1, ongoing). */
export const CONV_B = 'conv-b-shopper-one';

/** Id of the one message seeded in every conversation. */
export const SEEDED_MESSAGE = 'hello';

/** A fixed time in the past, for documents the seed writes and for backdating attempts. */
export const PAST = Timestamp.fromDate(new Date('2024-01-15T10:00:00Z'));

/**
 * NOTE: the rules are loaded once per run, by the project's global setup (coverage.ts), not
 * here: every load resets the emulator's rule-coverage report, which must cover all files.
 */
export async function createTestEnv(): Promise<RulesTestEnvironment> {
  // Denied writes are expected here; keep the SDK from logging each one as a warning.
  setLogLevel('error');
  return initializeTestEnvironment({
    projectId: PROJECT_ID,
    firestore: { host: '127.0.0.1', port: 8080 },
  });
}

/**
 * The context's Firestore is typed as the compat SDK; the modular functions accept it at
 * runtime (they unwrap its delegate), so expose it under the modular type.
 */
const firestoreOf = (context: RulesTestContext): Firestore =>
  context.firestore() as unknown as Firestore;

/** A shopper signed in anonymously, as the widget does. */
export const asShopper = (env: RulesTestEnvironment, uid: string): Firestore =>
  firestoreOf(env.authenticatedContext(uid, { firebase: { sign_in_provider: 'anonymous' } }));

/** An operator signed in to the console (email/password). */
export const asOperator = (env: RulesTestEnvironment, member: Member): Firestore =>
  firestoreOf(
    env.authenticatedContext(member.uid, {
      email: member.email,
      email_verified: true,
      firebase: { sign_in_provider: 'password' },
    }),
  );

/** Nobody signed in. */
export const asNobody = (env: RulesTestEnvironment): Firestore =>
  firestoreOf(env.unauthenticatedContext());

export function conversationData(
  shopperUid: string,
  status: ConversationStatus,
  guestNumber: number,
): Conversation {
  // The same shape the startConversation function writes, with a message already in it.
  return {
    ...newConversation(shopperUid, guestNumber, 'en', PAST),
    status,
    lastMessage: { text: 'Hello', author: 'shopper' },
    lastMessageId: SEEDED_MESSAGE,
    unreadByOperator: 1,
  };
}

const seededMessage = (shopperUid: string): Message => ({
  author: 'shopper',
  authorUid: shopperUid,
  text: 'Hello',
  createdAt: PAST,
});

/** Writes the whole cast into the emulator, bypassing the rules (as functions would). */
export async function seed(env: RulesTestEnvironment): Promise<void> {
  await env.withSecurityRulesDisabled(async (context) => {
    const db = firestoreOf(context);
    const writes: Promise<void>[] = [];
    const put = (path: string, data: object) => writes.push(setDoc(doc(db, path), data));

    for (const [storeId, name, member] of [
      [STORE_A, 'Store A', ALICE],
      [STORE_B, 'Store B', BRUNO],
    ] as const) {
      put(storePath(storeId), {
        name,
        defaultLanguage: 'en',
        languages: ['en', 'fr'],
        guestCount: 2,
        createdAt: PAST,
      });
      put(memberPath(storeId, member.uid), member);
      put(widgetSettingsPath(storeId), {
        storeName: name,
        defaultLanguage: 'en',
        texts: { en: { header: name, welcome: 'Hi! How can we help?' } },
        colors: {
          headerBackground: '#222222',
          headerText: '#ffffff',
          operatorBubble: '#eeeeee',
          operatorText: '#000000',
          shopperBubble: '#0055ff',
          shopperText: '#ffffff',
        },
        launcher: { position: 'bottom-right', color: '#0055ff' },
      });
      put(availabilityPath(storeId), {
        status: 'online',
        launcher: { position: 'bottom-right', color: '#0055ff' },
        updatedAt: PAST,
      });
    }

    const conversations: [string, string, string, ConversationStatus, number][] = [
      [STORE_A, CONV_1, SHOPPER_1, 'ongoing', 1],
      [STORE_A, CONV_2, SHOPPER_2, 'ongoing', 2],
      [STORE_A, CONV_1_FINISHED, SHOPPER_1, 'finished', 3],
      [STORE_A, CONV_1_ARCHIVED, SHOPPER_1, 'archived', 4],
      [STORE_B, CONV_B, SHOPPER_1, 'ongoing', 1],
    ];
    for (const [storeId, conversationId, shopperUid, status, guestNumber] of conversations) {
      put(conversationPath(storeId, conversationId), {
        ...conversationData(shopperUid, status, guestNumber),
      });
      put(`${messagesPath(storeId, conversationId)}/${SEEDED_MESSAGE}`, {
        ...seededMessage(shopperUid),
      });
    }

    await Promise.all(writes);
  });
}

/** Writes one more document, bypassing the rules, for a test that needs it. */
export async function seedDoc(
  env: RulesTestEnvironment,
  path: string,
  data: object,
): Promise<void> {
  await env.withSecurityRulesDisabled((context) => setDoc(doc(firestoreOf(context), path), data));
}

/**
 * Registers a suite's hooks: one environment per file, the shared cast re-seeded before
 * every test (then `extraSeed`, for what only that suite needs), and cleanup at the end.
 * Tests read the environment as `rules.env`.
 */
export function useRulesEnv(extraSeed?: (env: RulesTestEnvironment) => Promise<void>) {
  const rules = {} as { env: RulesTestEnvironment };
  beforeAll(async () => {
    rules.env = await createTestEnv();
  });
  beforeEach(async () => {
    await rules.env.clearFirestore();
    await seed(rules.env);
    await extraSeed?.(rules.env);
  });
  afterAll(async () => {
    await rules.env.cleanup();
  });
  return rules;
}
