import { createHmac } from 'node:crypto';
import { getFirestore } from 'firebase-admin/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationPath } from '@comptoir/core';
import { identitySecretOf, seedMerchant, seedStore } from '../../scripts/lib/seed.mjs';
import {
  call,
  merchantFor,
  operatorClient,
  refusal,
  shopperClient,
  uniqueStoreId,
  type Client,
} from '../support/emulators';

/** What the store's own server does: HMAC-SHA256 of the customer id with the store secret. */
const sign = (secret: string, id: string) => createHmac('sha256', secret).update(id).digest('hex');

const storeId = uniqueStoreId('identity');
const merchant = merchantFor(storeId);
const clients: Client[] = [];
let operator: Client & { uid: string };
let secret: string;

beforeAll(async () => {
  await seedStore(storeId);
  await seedMerchant(storeId, merchant);
  operator = await operatorClient(merchant);
  clients.push(operator);
  await call(operator, 'setOperatorStatus', { storeId, online: true });
  secret = await identitySecretOf(storeId);
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
});

async function shopper() {
  const s = await shopperClient();
  clients.push(s);
  return s;
}

const conversation = async (id: string) =>
  (await getFirestore().doc(conversationPath(storeId, id)).get()).data();

describe('customer identity (identifyShopper)', () => {
  it('a correctly signed customer is bound to the shopper’s ongoing conversation', async () => {
    const s = await shopper();
    const { conversationId } = await call<{ conversationId: string }>(s, 'startConversation', {
      storeId,
    });
    expect((await conversation(conversationId))?.shopper.kind).toBe('guest');
    await call(s, 'identifyShopper', {
      storeId,
      customer: {
        id: 'cust-1001',
        name: 'Ada Lovelace',
        email: 'ada@example.com',
        phone: '+44 20 7946 0958',
        signature: sign(secret, 'cust-1001'),
      },
    });
    expect((await conversation(conversationId))?.shopper).toMatchObject({
      kind: 'customer',
      customerId: 'cust-1001',
      displayName: 'Ada Lovelace',
      email: 'ada@example.com',
      phone: '+44 20 7946 0958',
    });
  });

  it('a customer identified before their first message starts their conversation by name', async () => {
    const s = await shopper();
    await call(s, 'identifyShopper', {
      storeId,
      customer: { id: 'cust-2002', name: 'Grace Hopper', signature: sign(secret, 'cust-2002') },
    });
    const { conversationId } = await call<{ conversationId: string }>(s, 'startConversation', {
      storeId,
    });
    expect((await conversation(conversationId))?.shopper).toMatchObject({
      kind: 'customer',
      customerId: 'cust-2002',
      displayName: 'Grace Hopper',
    });
  });

  it('a signature for another customer is refused, and the chat stays a guest’s', async () => {
    const s = await shopper();
    const { conversationId } = await call<{ conversationId: string }>(s, 'startConversation', {
      storeId,
    });
    const refused = await refusal(
      call(s, 'identifyShopper', {
        storeId,
        customer: { id: 'cust-admin', name: 'Mallory', signature: sign(secret, 'cust-1001') },
      }),
    );
    expect(refused).toMatchObject({
      status: 'functions/permission-denied',
      code: 'invalid-signature',
    });
    expect(refused.message).toMatch(/HMAC-SHA256/);
    expect((await conversation(conversationId))?.shopper.kind).toBe('guest');
  });

  it('a missing or malformed signature is refused with a message saying how to make one', async () => {
    const s = await shopper();
    const refused = await refusal(
      call(s, 'identifyShopper', { storeId, customer: { id: 'cust-1', name: 'No Sig' } }),
    );
    expect(refused).toMatchObject({
      status: 'functions/invalid-argument',
      code: 'invalid-identity',
    });
    expect(refused.details?.fields?.signature).toMatch(/computed by your server/);
  });

  it('rotating the secret makes old signatures stop working', async () => {
    const s = await shopper();
    const old = sign(secret, 'cust-3003');
    await call(operator, 'rotateIdentitySecret', { storeId });
    secret = await identitySecretOf(storeId);
    expect(
      await refusal(
        call(s, 'identifyShopper', {
          storeId,
          customer: { id: 'cust-3003', name: 'X', signature: old },
        }),
      ),
    ).toMatchObject({ code: 'invalid-signature' });
    await expect(
      call(s, 'identifyShopper', {
        storeId,
        customer: { id: 'cust-3003', name: 'X', signature: sign(secret, 'cust-3003') },
      }),
    ).resolves.toMatchObject({ ok: true });
  });

  it('only the store’s owner can rotate the secret', async () => {
    const s = await shopper();
    expect(await refusal(call(s, 'rotateIdentitySecret', { storeId }))).toMatchObject({
      code: 'not-a-member',
    });
  });
});
