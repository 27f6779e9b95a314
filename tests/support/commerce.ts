/**
 * Commerce helpers for the emulator suites: a store with an operator online (so chats can
 * start), a shopper with a conversation, and requests signed the way a store's server signs
 * them (the documented recipe, not the functions' own code).
 */
import { signedRequest } from '../../scripts/lib/signed-request.mjs';
import { getFirestore } from 'firebase-admin/firestore';
import { conversationPath, messagesPath, type Message } from '@comptoir/core';
import { seedMerchant, seedStore } from '../../scripts/lib/seed.mjs';
import {
  call,
  HOSTING,
  merchantFor,
  operatorClient,
  shopperClient,
  type Client,
} from './emulators';

/** Seeds a store whose operator is online (room for many chats); returns the operator. */
export async function openStore(storeId: string) {
  const merchant = merchantFor(storeId);
  await seedStore(storeId, undefined, { maxConcurrentChats: 100 });
  await seedMerchant(storeId, merchant);
  const operator = await operatorClient(merchant);
  await call(operator, 'setOperatorStatus', { storeId, online: true });
  return operator;
}

/** A shopper who has started a conversation (as their first message does). */
export async function chattingShopper(storeId: string) {
  const shopper = await shopperClient();
  const { conversationId } = await call<{ conversationId: string }>(shopper, 'startConversation', {
    storeId,
  });
  return { shopper, conversationId };
}

export const conversationOf = async (storeId: string, conversationId: string) =>
  (await getFirestore().doc(conversationPath(storeId, conversationId)).get()).data();

/** The conversation's system lines, oldest first. */
export async function systemLines(storeId: string, conversationId: string) {
  const snapshot = await getFirestore()
    .collection(messagesPath(storeId, conversationId))
    .where('author', '==', 'system')
    .get();
  return snapshot.docs
    .map((d) => ({ id: d.id, ...(d.data() as Message) }))
    .sort((a, b) => a.createdAt.toMillis() - b.createdAt.toMillis());
}

/** What a store's server does: POST JSON, signed over `{timestamp}.{body}`. */
export async function signedPost(
  path: string,
  storeId: string,
  secret: string,
  body: unknown,
  { timestamp = Math.floor(Date.now() / 1000), raw }: { timestamp?: number; raw?: string } = {},
) {
  const text = raw ?? JSON.stringify(body);
  const response = await signedRequest(path, storeId, secret, text, { timestamp, origin: HOSTING });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export type { Client };
