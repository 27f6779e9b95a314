import { getFirestore } from 'firebase-admin/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationPath } from '@comptoir/core';
import { seedMerchant, seedStore } from '../../scripts/lib/seed.mjs';
import {
  call,
  HOSTING,
  merchantFor,
  operatorClient,
  shopperClient,
  uniqueStoreId,
  type Client,
} from '../support/emulators';

const storeId = uniqueStoreId('presence');
const clients: Client[] = [];
let shopper: Client & { uid: string };
let conversationId: string;

const left = (token: string | null, body: unknown, method = 'POST') =>
  fetch(`${HOSTING}/api/shopper-left`, {
    method,
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: method === 'POST' ? JSON.stringify(body) : undefined,
  });

beforeAll(async () => {
  await seedStore(storeId);
  const merchant = merchantFor(storeId);
  await seedMerchant(storeId, merchant);
  const operator = await operatorClient(merchant);
  clients.push(operator);
  await call(operator, 'setOperatorStatus', { storeId, online: true });
  shopper = await shopperClient();
  clients.push(shopper);
  ({ conversationId } = await call<{ conversationId: string }>(shopper, 'startConversation', {
    storeId,
  }));
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
});

describe('the shopper leaving the store (/api/shopper-left)', () => {
  it('records when the shopper’s page went away, for operators to see at once', async () => {
    const token = await shopper.auth.currentUser!.getIdToken();
    const response = await left(token, { storeId, conversationId });
    expect(response.status).toBe(204);
    const conversation = await getFirestore().doc(conversationPath(storeId, conversationId)).get();
    expect(conversation.get('shopperLeftAt').toMillis()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('refuses a request without a valid ID token (401)', async () => {
    expect((await left(null, { storeId, conversationId })).status).toBe(401);
    const forged = await left('not-a-token', { storeId, conversationId });
    expect(forged.status).toBe(401);
    expect((await forged.json()).error.code).toBe('unauthenticated');
  });

  it('refuses to mark another shopper’s conversation (403)', async () => {
    const other = await shopperClient();
    clients.push(other);
    const token = await other.auth.currentUser!.getIdToken();
    const response = await left(token, { storeId, conversationId });
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe('permission-denied');
  });

  it('refuses malformed ids (400) and other methods (405)', async () => {
    const token = await shopper.auth.currentUser!.getIdToken();
    const bad = await left(token, { storeId: '../x', conversationId });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('invalid-store-id');
    expect((await left(token, null, 'GET')).status).toBe(405);
  });
});
