/**
 * The attack suite, functions part: hostile calls to the callables and the HTTP endpoints,
 * on the real emulators. Every case asserts the exact refusal (HTTP status, stable code) and
 * that nothing was written; where a near-identical legitimate call exists, it goes through
 * first, so a case cannot pass because the setup is broken.
 */
import { createHash, createHmac } from 'node:crypto';
import { getFirestore, Timestamp } from 'firebase-admin/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  conversationPath,
  emailTokenPath,
  messagesPath,
  offlineMessagesPath,
  shopperPath,
  signedRequestPath,
  storePath,
} from '@comptoir/core';
import { identitySecretOf, serverSecretOf } from '../../scripts/lib/seed.mjs';
import { signedPost } from '../support/commerce';
import {
  call,
  closeClients,
  HOSTING,
  newShopper,
  openStore,
  refusal,
  webClient,
  type Client,
} from '../support/emulators';

afterAll(closeClients);

const db = () => getFirestore();
const hmac = (secret: string, text: string) =>
  createHmac('sha256', secret).update(text).digest('hex');
const count = async (path: string) => (await db().collection(path).count().get()).data().count;
const docData = async (path: string) => (await db().doc(path).get()).data();

interface Store {
  storeId: string;
  operator: Client & { uid: string };
  identitySecret: string;
  serverSecret: string;
}
let A: Store;
let B: Store;
let shopper: Client & { uid: string };
let conversationId: string;
let anonymous: Client;

async function store(prefix: string): Promise<Store> {
  const { storeId, operator } = await openStore(prefix, { maxConcurrentChats: 50 });
  return {
    storeId,
    operator,
    identitySecret: await identitySecretOf(storeId),
    serverSecret: await serverSecretOf(storeId),
  };
}

beforeAll(async () => {
  [A, B] = await Promise.all([store('attack-a'), store('attack-b')]);
  shopper = await newShopper();
  ({ conversationId } = await call<{ conversationId: string }>(shopper, 'startConversation', {
    storeId: A.storeId,
  }));
  anonymous = webClient();
});
afterAll(() => anonymous.close());

const cart = { items: [], subtotal: 0, currency: 'EUR' };

describe('attack: callables without signing in', () => {
  // A valid-looking call of each callable, so only the missing sign-in is wrong.
  const calls: [string, () => object][] = [
    ['startConversation', () => ({ storeId: A.storeId })],
    [
      'submitOfflineMessage',
      () => ({ storeId: A.storeId, fields: { email: 'a@b.test', message: 'Hi' } }),
    ],
    ['setShopperContact', () => ({ storeId: A.storeId, email: 'a@b.test' })],
    [
      'identifyShopper',
      () => ({
        storeId: A.storeId,
        customer: { id: 'c1', signature: hmac(A.identitySecret, 'c1') },
      }),
    ],
    ['reportCart', () => ({ storeId: A.storeId, conversationId, eventId: 'e-1', cart })],
    ['applyDiscount', () => ({ storeId: A.storeId, conversationId, messageId: 'abc' })],
    ['shareDiscount', () => ({ storeId: A.storeId, conversationId, code: 'SPRING15' })],
    ['endConversation', () => ({ storeId: A.storeId, conversationId })],
    ['setOperatorStatus', () => ({ storeId: A.storeId, online: false })],
    ['saveStoreSettings', () => ({ storeId: A.storeId, settings: {} })],
    ['rotateIdentitySecret', () => ({ storeId: A.storeId })],
    ['updateMemberProfile', () => ({ storeId: A.storeId, displayName: 'Mallory' })],
    ['inviteOperator', () => ({ storeId: A.storeId, email: 'mallory@evil.test' })],
  ];

  it.each(calls)('%s refuses a caller who is not signed in', async (name, input) => {
    const before = await docData(conversationPath(A.storeId, conversationId));
    const offline = await count(offlineMessagesPath(A.storeId));
    expect(await refusal(call(anonymous, name, input()))).toMatchObject({
      status: 'functions/unauthenticated',
      code: 'unauthenticated',
    });
    expect(await docData(conversationPath(A.storeId, conversationId))).toEqual(before);
    expect(await count(offlineMessagesPath(A.storeId))).toBe(offline);
  });
});

describe('attack: callables on another store or another shopper’s conversation', () => {
  // Bruno-like: the operator of store B, reaching into store A.
  const operatorCalls: [string, () => object][] = [
    ['endConversation', () => ({ storeId: A.storeId, conversationId })],
    ['shareDiscount', () => ({ storeId: A.storeId, conversationId, code: 'SPRING15' })],
    ['setOperatorStatus', () => ({ storeId: A.storeId, online: true })],
    ['rotateIdentitySecret', () => ({ storeId: A.storeId })],
    ['updateMemberProfile', () => ({ storeId: A.storeId, displayName: 'Mallory' })],
    ['saveStoreSettings', () => ({ storeId: A.storeId, settings: {} })],
  ];

  it.each(operatorCalls)('%s refuses the operator of another store', async (name, input) => {
    const before = await docData(conversationPath(A.storeId, conversationId));
    const secret = await identitySecretOf(A.storeId);
    expect(await refusal(call(B.operator, name, input()))).toMatchObject({
      status: 'functions/permission-denied',
      code: 'not-a-member',
    });
    expect(await docData(conversationPath(A.storeId, conversationId))).toEqual(before);
    expect(await identitySecretOf(A.storeId)).toBe(secret);
  });

  it('a shopper cannot act as an operator (share a discount, end a chat)', async () => {
    for (const name of ['shareDiscount', 'endConversation']) {
      expect(
        await refusal(call(shopper, name, { storeId: A.storeId, conversationId, code: 'X' })),
      ).toMatchObject({ status: 'functions/permission-denied', code: 'not-a-member' });
    }
    expect((await docData(conversationPath(A.storeId, conversationId)))?.status).toBe('ongoing');
  });

  it('another shopper cannot report a cart into someone else’s conversation', async () => {
    const intruder = await newShopper();
    const forged = {
      items: [{ id: 'x', name: 'Bomb', quantity: 1, unitPrice: 1 }],
      subtotal: 1,
      currency: 'EUR',
    };
    const input = { storeId: A.storeId, conversationId, eventId: 'intruder-1', cart: forged };
    expect(await refusal(call(intruder, 'reportCart', input))).toMatchObject({
      status: 'functions/permission-denied',
      code: 'not-your-conversation',
    });
    expect((await docData(conversationPath(A.storeId, conversationId)))?.cart).toBeUndefined();
  });

  it('another shopper cannot apply a discount in someone else’s conversation', async () => {
    const intruder = await newShopper();
    const input = { storeId: A.storeId, conversationId, messageId: 'abcdefghijklmnopqrst' };
    expect(await refusal(call(intruder, 'applyDiscount', input))).toMatchObject({
      status: 'functions/permission-denied',
      code: 'not-your-conversation',
    });
  });
});

describe('attack: callables given wrong types, oversized or extra fields', () => {
  it.each([
    ['startConversation', { storeId: 42 }, 'invalid-store-id'],
    ['startConversation', { storeId: '../../emailTokens' }, 'invalid-store-id'],
    ['startConversation', { storeId: 'x'.repeat(500) }, 'invalid-store-id'],
    ['submitOfflineMessage', { storeId: ['store'], fields: {} }, 'invalid-store-id'],
    ['reportCart', { storeId: 'attack-a', conversationId: { $gt: '' } }, 'invalid-conversation-id'],
    [
      'applyDiscount',
      { storeId: 'attack-a', conversationId: '../conv' },
      'invalid-conversation-id',
    ],
    ['setOperatorStatus', { storeId: 'attack-a', online: 'yes' }, 'invalid-status'],
  ])('%s refuses %j with %s', async (name, input, code) => {
    expect(await refusal(call(shopper, name, input))).toMatchObject({
      status: 'functions/invalid-argument',
      code,
    });
  });

  it.each([
    ['a message over 2000 characters', { email: 'a@b.test', message: 'x'.repeat(2001) }, 'message'],
    ['an email that is a number', { email: 42, message: 'Hello' }, 'email'],
    ['an email with markup', { email: '<script>@x.test', message: 'Hello' }, 'email'],
    [
      'a first name of 10 000 characters',
      { email: 'a@b.test', message: 'Hi', firstName: 'n'.repeat(10000) },
      'firstName',
    ],
    ['a message that is a list', { email: 'a@b.test', message: ['Hello'] }, 'message'],
  ])('the offline form refuses %s, naming the field', async (_what, fields, field) => {
    const before = await count(offlineMessagesPath(A.storeId));
    const answer = await refusal(
      call(await newShopper(), 'submitOfflineMessage', { storeId: A.storeId, fields }),
    );
    expect(answer).toMatchObject({ status: 'functions/invalid-argument', code: 'invalid-fields' });
    expect(Object.keys(answer.details?.fields ?? {})).toContain(field);
    expect(await count(offlineMessagesPath(A.storeId))).toBe(before);
  });

  it('the offline form keeps only the fields the store asks for, never extra keys', async () => {
    const s = await newShopper();
    const fields = { email: 'ada@example.com', message: 'Hello', isAdmin: true, read: true };
    await call(s, 'submitOfflineMessage', { storeId: A.storeId, fields, read: true });
    const saved = await db()
      .collection(offlineMessagesPath(A.storeId))
      .where('shopperUid', '==', s.uid)
      .get();
    expect(saved.size).toBe(1);
    const message = saved.docs[0]!.data();
    expect(message.read).toBe(false);
    expect(Object.keys(message.fields).sort()).toEqual(['email', 'message']);
  });

  it.each([
    ['an email that is a number', { email: 7 }, 'email'],
    ['a name over 80 characters', { email: 'a@b.test', name: 'n'.repeat(81) }, 'name'],
    ['a javascript: address', { email: 'javascript:alert(1)' }, 'email'],
  ])('setShopperContact refuses %s', async (_what, input, field) => {
    const s = await newShopper();
    const answer = await refusal(call(s, 'setShopperContact', { storeId: A.storeId, ...input }));
    expect(answer).toMatchObject({ status: 'functions/invalid-argument', code: 'invalid-fields' });
    expect(Object.keys(answer.details?.fields ?? {})).toEqual([field]);
    expect(await docData(shopperPath(A.storeId, s.uid))).toBeUndefined();
  });

  it('setShopperContact stores the email and name only, not extra keys', async () => {
    const s = await newShopper();
    await call(s, 'setShopperContact', {
      storeId: A.storeId,
      email: 'lea@example.com',
      name: 'Léa',
      verified: true,
      customerId: 'vip',
    });
    const contact = (await docData(shopperPath(A.storeId, s.uid)))?.contact;
    expect(Object.keys(contact).sort()).toEqual(['email', 'givenAt', 'name']);
  });

  it.each([
    ['a cart that is text', 'lots of lamps'],
    [
      'a cart of 101 lines',
      {
        ...cart,
        items: Array.from({ length: 101 }, (_, i) => ({
          id: `p${i}`,
          name: 'Lamp',
          quantity: 1,
          unitPrice: 1,
        })),
      },
    ],
    [
      'an item name of 201 characters',
      { ...cart, items: [{ id: 'p', name: 'n'.repeat(201), quantity: 1, unitPrice: 1 }] },
    ],
    ['a negative subtotal', { ...cart, subtotal: -5 }],
    [
      'a quantity that is text',
      { ...cart, items: [{ id: 'p', name: 'Lamp', quantity: '1', unitPrice: 1 }] },
    ],
  ])('reportCart refuses %s', async (_what, badCart) => {
    const input = {
      storeId: A.storeId,
      conversationId,
      eventId: `bad-${Math.random()}`,
      cart: badCart,
    };
    expect(await refusal(call(shopper, 'reportCart', input))).toMatchObject({
      status: 'functions/invalid-argument',
      code: 'invalid-cart',
    });
    expect((await docData(conversationPath(A.storeId, conversationId)))?.cart).toBeUndefined();
  });

  it('an operator cannot take a display name that is too long, empty or multi-line', async () => {
    for (const displayName of ['n'.repeat(41), '', 'Camille\nAdmin', 42]) {
      expect(
        await refusal(call(A.operator, 'updateMemberProfile', { storeId: A.storeId, displayName })),
      ).toMatchObject({ status: 'functions/invalid-argument', code: 'invalid-display-name' });
    }
  });

  it.each([
    ['markup', '<img src=x onerror=alert(1)>'],
    ['a path', '../SPRING15'],
    ['a code of 100 characters', 'A'.repeat(100)],
  ])('an operator cannot create a discount code made of %s', async (_what, code) => {
    const discount = { code, kind: 'percentage', value: 10, currency: 'EUR', active: true };
    const answer = await refusal(
      call(A.operator, 'saveDiscount', { storeId: A.storeId, create: true, discount }),
    );
    expect(answer).toMatchObject({ status: 'functions/invalid-argument', code: 'invalid-fields' });
    expect(Object.keys(answer.details?.fields ?? {})).toEqual(['code']);
    expect(await count(`${storePath(A.storeId)}/discounts`)).toBe(0);
  });

  it('a chat started from a javascript: page keeps no page URL', async () => {
    const s = await newShopper();
    const { conversationId: id } = await call<{ conversationId: string }>(s, 'startConversation', {
      storeId: A.storeId,
      pageUrl: 'javascript:alert(document.cookie)',
    });
    expect((await docData(conversationPath(A.storeId, id)))?.pageUrl ?? null).toBeNull();
  });
});

describe('attack: forged customer identity (identifyShopper)', () => {
  const forged: [string, (id: string) => string][] = [
    ['a made-up hash', () => 'f'.repeat(64)],
    ['another customer’s hash', () => hmac(A.identitySecret, 'cust-other')],
    ['a hash made with another store’s secret', (id) => hmac(B.identitySecret, id)],
    ['a hash made with the server secret instead', (id) => hmac(A.serverSecret, id)],
    ['a hash of the id with a trailing space', (id) => hmac(A.identitySecret, `${id} `)],
    [
      'a SHA-256 of the id without the secret',
      (id) => createHash('sha256').update(id).digest('hex'),
    ],
    ['a truncated hash', (id) => hmac(A.identitySecret, id).slice(0, 63)],
    ['no signature at all', () => ''],
  ];

  it.each(forged)('a shopper cannot pass as a customer with %s', async (_what, signature) => {
    const s = await newShopper();
    const id = `cust-${Math.random().toString(36).slice(2, 8)}`;
    const answer = await refusal(
      call(s, 'identifyShopper', {
        storeId: A.storeId,
        customer: { id, name: 'Mallory', signature: signature(id) },
      }),
    );
    // A malformed signature is refused as invalid input, a wrong one as a denied identity.
    expect([answer.status, answer.code]).toEqual(
      signature(id).length === 64
        ? ['functions/permission-denied', 'invalid-signature']
        : ['functions/invalid-argument', 'invalid-identity'],
    );
    expect(await docData(shopperPath(A.storeId, s.uid))).toBeUndefined();
  });

  it('the correct hash of the same customer is accepted (the forgeries above fail for a reason)', async () => {
    const s = await newShopper();
    await call(s, 'identifyShopper', {
      storeId: A.storeId,
      customer: { id: 'cust-real', name: 'Ada', signature: hmac(A.identitySecret, 'cust-real') },
    });
    expect((await docData(shopperPath(A.storeId, s.uid)))?.customer.customerId).toBe('cust-real');
  });

  it('a customer verified for store B is not verified for store A', async () => {
    const s = await newShopper();
    const customer = { id: 'cust-b', signature: hmac(B.identitySecret, 'cust-b') };
    await call(s, 'identifyShopper', { storeId: B.storeId, customer });
    expect(
      await refusal(call(s, 'identifyShopper', { storeId: A.storeId, customer })),
    ).toMatchObject({ status: 'functions/permission-denied', code: 'invalid-signature' });
    expect(await docData(shopperPath(A.storeId, s.uid))).toBeUndefined();
  });

  it('extra identity fields (a kind, a role) are not stored', async () => {
    const s = await newShopper();
    await call(s, 'identifyShopper', {
      storeId: A.storeId,
      customer: {
        id: 'cust-extra',
        signature: hmac(A.identitySecret, 'cust-extra'),
        kind: 'operator',
        role: 'owner',
      },
    });
    const customer = (await docData(shopperPath(A.storeId, s.uid)))?.customer;
    expect(Object.keys(customer).sort()).toEqual(['customerId', 'displayName', 'email', 'phone']);
  });
});

describe('attack: floods', () => {
  it('a shopper flooding the offline form is stopped after 3 messages, and nothing more is kept', async () => {
    const { storeId } = await openStore('attack-flood');
    const s = await newShopper();
    const send = (i: number) =>
      call(s, 'submitOfflineMessage', {
        storeId,
        fields: { email: 'bot@spam.test', message: `Buy now ${i}` },
      });
    for (let i = 0; i < 3; i++) await send(i);
    for (let i = 3; i < 6; i++) {
      expect(await refusal(send(i))).toMatchObject({
        status: 'functions/resource-exhausted',
        code: 'too-many-messages',
      });
    }
    expect(await count(offlineMessagesPath(storeId))).toBe(3);
  });

  it('many shoppers from one address are stopped after 10 messages an hour', async () => {
    const { storeId } = await openStore('attack-ip-flood');
    const shoppers = await Promise.all(Array.from({ length: 11 }, () => newShopper()));
    const outcomes: string[] = [];
    for (const s of shoppers) {
      const fields = { email: 'bot@spam.test', message: 'Spam' };
      outcomes.push(
        await call(s, 'submitOfflineMessage', { storeId, fields }).then(
          () => 'sent',
          (e: { details?: { code?: string } }) => e.details?.code ?? 'error',
        ),
      );
    }
    expect(outcomes).toEqual([...Array(10).fill('sent'), 'too-many-messages']);
    expect(await count(offlineMessagesPath(storeId))).toBe(10);
  });

  it('a shopper calling startConversation 10 times at once gets one conversation', async () => {
    const { storeId } = await openStore('attack-start-flood');
    const s = await newShopper();
    const ids = await Promise.all(
      Array.from({ length: 10 }, () =>
        call<{ conversationId: string }>(s, 'startConversation', { storeId }).then(
          (r) => r.conversationId,
        ),
      ),
    );
    expect(new Set(ids).size).toBe(1);
    expect(await count(`${storePath(storeId)}/conversations`)).toBe(1);
  });

  it('the honeypot answers bots with success and keeps nothing', async () => {
    const before = await count(offlineMessagesPath(A.storeId));
    const s = await newShopper();
    await call(s, 'submitOfflineMessage', {
      storeId: A.storeId,
      fields: { email: 'bot@spam.test', message: 'Spam' },
      website: 'http://spam.test',
    });
    expect(await count(offlineMessagesPath(A.storeId))).toBe(before);
  });
});

// ---- Webhooks ------------------------------------------------------------------------

const now = () => Math.floor(Date.now() / 1000);
let events = 0;
const cartEvent = () => ({ eventId: `evt-${++events}-${Date.now()}`, customerId: 'c-1', cart });

/** A raw POST to a Hosting path, with exactly these headers and body. */
async function post(path: string, headers: Record<string, string>, body: string | FormData) {
  const response = await fetch(`${HOSTING}${path}`, { method: 'POST', headers, body });
  const text = await response.text();
  let json: { error?: { code?: string } } = {};
  try {
    json = JSON.parse(text) as typeof json;
  } catch {
    // some refusals (e.g. from the proxy) are not JSON
  }
  return { status: response.status, code: json.error?.code };
}

function signedHeaders(storeId: string, secret: string, raw: string, timestamp = now()) {
  return {
    'Content-Type': 'application/json',
    'X-Comptoir-Store': storeId,
    'X-Comptoir-Timestamp': String(timestamp),
    'X-Comptoir-Signature': hmac(secret, `${timestamp}.${raw}`),
  };
}

describe('attack: signed cart-events webhook', () => {
  const records = () => count(`${storePath(A.storeId)}/signedRequests`);

  it('a correctly signed request is accepted (the forgeries below fail for a reason)', async () => {
    const answer = await signedPost('/api/cart-events', A.storeId, A.serverSecret, cartEvent());
    expect(answer.status).toBe(200);
  });

  it.each<
    [string, () => { headers: Record<string, string>; body: string }, number, string | undefined]
  >([
    [
      'signed with a made-up secret',
      () => {
        const body = JSON.stringify(cartEvent());
        return { headers: signedHeaders(A.storeId, 'guessed-secret', body), body };
      },
      401,
      'invalid-signature',
    ],
    [
      'signed with another store’s secret',
      () => {
        const body = JSON.stringify(cartEvent());
        return { headers: signedHeaders(A.storeId, B.serverSecret, body), body };
      },
      401,
      'invalid-signature',
    ],
    [
      'signed for store A but sent as store B',
      () => {
        const body = JSON.stringify(cartEvent());
        return {
          headers: {
            ...signedHeaders(A.storeId, A.serverSecret, body),
            'X-Comptoir-Store': B.storeId,
          },
          body,
        };
      },
      401,
      'invalid-signature',
    ],
    [
      'whose body was changed after signing',
      () => {
        const event = cartEvent();
        const headers = signedHeaders(A.storeId, A.serverSecret, JSON.stringify(event));
        return { headers, body: JSON.stringify({ ...event, customerId: 'c-2' }) };
      },
      401,
      'invalid-signature',
    ],
    [
      'whose timestamp was changed after signing',
      () => {
        const body = JSON.stringify(cartEvent());
        const headers = signedHeaders(A.storeId, A.serverSecret, body, now() - 10);
        return { headers: { ...headers, 'X-Comptoir-Timestamp': String(now()) }, body };
      },
      401,
      'invalid-signature',
    ],
    [
      'with the identity secret instead of the server secret',
      () => {
        const body = JSON.stringify(cartEvent());
        return { headers: signedHeaders(A.storeId, A.identitySecret, body), body };
      },
      401,
      'invalid-signature',
    ],
    [
      'signed an hour ago (stale)',
      () => {
        const body = JSON.stringify(cartEvent());
        return { headers: signedHeaders(A.storeId, A.serverSecret, body, now() - 3600), body };
      },
      401,
      'invalid-timestamp',
    ],
    [
      'signed for an hour from now',
      () => {
        const body = JSON.stringify(cartEvent());
        return { headers: signedHeaders(A.storeId, A.serverSecret, body, now() + 3600), body };
      },
      401,
      'invalid-timestamp',
    ],
    [
      'with a timestamp in milliseconds',
      () => {
        const body = JSON.stringify(cartEvent());
        return { headers: signedHeaders(A.storeId, A.serverSecret, body, Date.now()), body };
      },
      401,
      'invalid-timestamp',
    ],
    [
      'without a signature',
      () => {
        const body = JSON.stringify(cartEvent());
        const { 'X-Comptoir-Signature': _, ...headers } = signedHeaders(
          A.storeId,
          A.serverSecret,
          body,
        );
        return { headers, body };
      },
      401,
      'invalid-signature',
    ],
    [
      'for a store id that is a path',
      () => {
        const body = JSON.stringify(cartEvent());
        return { headers: signedHeaders('../emailTokens', A.serverSecret, body), body };
      },
      400,
      'invalid-store-id',
    ],
    [
      // NOTE: Cloud Functions' own JSON parser refuses it (400) before the handler runs, so
      // the answer is the platform's, without our error body.
      'with a signed body that is not JSON',
      () => ({
        headers: signedHeaders(A.storeId, A.serverSecret, '{"eventId":'),
        body: '{"eventId":',
      }),
      400,
      undefined,
    ],
    [
      'with a signed JSON array',
      () => ({ headers: signedHeaders(A.storeId, A.serverSecret, '[1,2]'), body: '[1,2]' }),
      400,
      'invalid-json',
    ],
    [
      'with a signed body sent as a form',
      () => {
        const body = JSON.stringify(cartEvent());
        const headers = signedHeaders(A.storeId, A.serverSecret, body);
        return { headers: { ...headers, 'Content-Type': 'text/plain' }, body };
      },
      415,
      'unsupported-media-type',
    ],
  ])('a request %s is refused', async (_what, make, status, code) => {
    const before = await records();
    const { headers, body } = make();
    expect(await post('/api/cart-events', headers, body)).toEqual({ status, code });
    expect(await records()).toBe(before);
  });

  it('a replayed request (same timestamp, same signature) is refused the second time', async () => {
    const body = JSON.stringify(cartEvent());
    const headers = signedHeaders(A.storeId, A.serverSecret, body);
    expect((await post('/api/cart-events', headers, body)).status).toBe(200);
    const before = await records();
    expect(await post('/api/cart-events', headers, body)).toEqual({
      status: 409,
      code: 'replayed-request',
    });
    expect(await records()).toBe(before);
  });

  it('a body over 1 MB is refused before anything is checked or stored', async () => {
    const body = JSON.stringify({ ...cartEvent(), padding: 'x'.repeat(1024 * 1024) });
    const before = await records();
    expect(
      await post('/api/cart-events', signedHeaders(A.storeId, A.serverSecret, body), body),
    ).toEqual({ status: 413, code: 'body-too-large' });
    expect(await records()).toBe(before);
  });

  it('a GET is refused', async () => {
    const response = await fetch(`${HOSTING}/api/cart-events`);
    expect(response.status).toBe(405);
  });

  it('a replay-guard record cannot be planted to block a store (rules deny it; see rules suite)', async () => {
    // The guard is keyed by signature: a request with a different signature is unaffected.
    const body = JSON.stringify(cartEvent());
    const headers = signedHeaders(A.storeId, A.serverSecret, body);
    expect((await post('/api/cart-events', headers, body)).status).toBe(200);
    const guard = await docData(signedRequestPath(A.storeId, headers['X-Comptoir-Signature']));
    expect(guard?.path).toBe('/api/cart-events');
  });
});

describe('attack: inbound email webhook', () => {
  const KEY = 'local-inbound-key';
  let token: string;
  let email: string;
  let chatId: string;

  beforeAll(async () => {
    const s = await newShopper();
    ({ conversationId: chatId } = await call<{ conversationId: string }>(s, 'startConversation', {
      storeId: A.storeId,
    }));
    email = `${A.storeId}@shopper.test`;
    await call(s, 'setShopperContact', { storeId: A.storeId, email });
    // A reply address, as the first reply email mints it (functions/src/data/emailTokens.ts).
    token = 'T'.repeat(43);
    await db()
      .doc(emailTokenPath(createHash('sha256').update(token).digest('hex')))
      .set({
        kind: 'reply',
        storeId: A.storeId,
        conversationId: chatId,
        expiresAt: Timestamp.fromMillis(Date.now() + 3600_000),
      });
  });

  const form = (fields: Record<string, string>) => {
    const body = new FormData();
    for (const [k, v] of Object.entries(fields)) body.append(k, v);
    return body;
  };
  const mail = (overrides: Record<string, string> = {}) =>
    form({
      to: `reply+${token}@reply.comptoir.test`,
      from: `Léa <${email}>`,
      text: 'Blue, please.',
      headers: `Message-ID: <${Math.random()}@mail.test>`,
      ...overrides,
    });
  const messages = () => count(messagesPath(A.storeId, chatId));

  it('a genuine reply is appended (the forgeries below fail for a reason)', async () => {
    const before = await messages();
    expect(await post(`/api/inbound-email?key=${KEY}`, {}, mail())).toEqual({
      status: 200,
      code: undefined,
    });
    expect(await messages()).toBe(before + 1);
  });

  it.each<[string, string, () => FormData | string, Record<string, string>, number, string]>([
    ['without the key', '', () => mail(), {}, 401, 'bad-key'],
    ['with a wrong key', '?key=guessed', () => mail(), {}, 401, 'bad-key'],
    [
      'from someone other than the shopper',
      `?key=${KEY}`,
      () => mail({ from: 'mallory@evil.test' }),
      {},
      403,
      'sender-mismatch',
    ],
    [
      'to a made-up reply address',
      `?key=${KEY}`,
      () => mail({ to: `reply+${'X'.repeat(43)}@reply.comptoir.test` }),
      {},
      404,
      'unknown-recipient',
    ],
    [
      'to a resume token used as a reply address',
      `?key=${KEY}`,
      () => mail({ to: 'reply+short@reply.comptoir.test' }),
      {},
      404,
      'unknown-recipient',
    ],
    [
      'as JSON instead of a form',
      `?key=${KEY}`,
      () => JSON.stringify({ to: 'x', from: email, text: 'Hi' }),
      { 'Content-Type': 'application/json' },
      400,
      'not-multipart',
    ],
    [
      'with only a quote and no text',
      `?key=${KEY}`,
      () => mail({ text: '> Earlier message' }),
      {},
      422,
      'empty-reply',
    ],
  ])(
    'an email %s is refused and appended nowhere',
    async (_what, query, body, headers, status, code) => {
      const before = await messages();
      expect(await post(`/api/inbound-email${query}`, headers, body())).toEqual({ status, code });
      expect(await messages()).toBe(before);
    },
  );

  it('the same email delivered twice (a replay) is appended once', async () => {
    const before = await messages();
    const headers = 'Message-ID: <replayed@mail.test>';
    await post(`/api/inbound-email?key=${KEY}`, {}, mail({ headers }));
    const again = await fetch(`${HOSTING}/api/inbound-email?key=${KEY}`, {
      method: 'POST',
      body: mail({ headers }),
    });
    expect(await again.json()).toEqual({ ok: true, duplicate: true });
    expect(await messages()).toBe(before + 1);
  });
});

describe('attack: shopper-left and availability endpoints', () => {
  const left = (headers: Record<string, string>, body: unknown) =>
    post(
      '/api/shopper-left',
      { 'Content-Type': 'application/json', ...headers },
      JSON.stringify(body),
    );

  it('the shopper’s own leave is accepted (the forgeries below fail for a reason)', async () => {
    const s = await newShopper();
    const { conversationId: id } = await call<{ conversationId: string }>(s, 'startConversation', {
      storeId: A.storeId,
    });
    const token = await s.auth.currentUser!.getIdToken();
    const response = await fetch(`${HOSTING}/api/shopper-left`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ storeId: A.storeId, conversationId: id }),
    });
    expect(response.status).toBe(204);
    expect((await docData(conversationPath(A.storeId, id)))?.shopperLeftAt).toBeTruthy();
  });

  it.each<[string, () => Promise<Record<string, string>>, () => unknown, number, string]>([
    [
      'without a token',
      async () => ({}),
      () => ({ storeId: A.storeId, conversationId }),
      401,
      'unauthenticated',
    ],
    [
      'with a forged token',
      async () => ({ Authorization: 'Bearer eyJhbGciOiJub25lIn0.e30.' }),
      () => ({ storeId: A.storeId, conversationId }),
      401,
      'unauthenticated',
    ],
    [
      'for another shopper’s conversation',
      async () => ({
        Authorization: `Bearer ${await (await newShopper()).auth.currentUser!.getIdToken()}`,
      }),
      () => ({ storeId: A.storeId, conversationId }),
      403,
      'permission-denied',
    ],
    [
      'for a store id that is a path',
      async () => ({ Authorization: `Bearer ${await shopper.auth.currentUser!.getIdToken()}` }),
      () => ({ storeId: '../x', conversationId }),
      400,
      'invalid-store-id',
    ],
    [
      'for a conversation id that is an object',
      async () => ({ Authorization: `Bearer ${await shopper.auth.currentUser!.getIdToken()}` }),
      () => ({ storeId: A.storeId, conversationId: { a: 1 } }),
      400,
      'invalid-conversation-id',
    ],
  ])(
    'a leave %s is refused and the conversation untouched',
    async (_what, headers, body, status, code) => {
      expect(await left(await headers(), body())).toEqual({ status, code });
      expect(
        (await docData(conversationPath(A.storeId, conversationId)))?.shopperLeftAt,
      ).toBeNull();
    },
  );

  it.each([
    ['a store id with markup', `<script>alert(1)</script>`, 400, 'invalid-store-id'],
    ['a store id that is a path', '../../secrets', 400, 'invalid-store-id'],
    ['a store that does not exist', 'no-such-store-here', 404, 'store-not-found'],
  ])('availability answers %s with a clean refusal', async (_what, store, status, code) => {
    const response = await fetch(`${HOSTING}/api/availability?store=${encodeURIComponent(store)}`);
    expect(response.status).toBe(status);
    const body = await response.text();
    expect(JSON.parse(body)).toMatchObject({ error: { code } });
    expect(body).not.toContain('<script>');
  });

  it('availability refuses a POST', async () => {
    const response = await fetch(`${HOSTING}/api/availability?store=${A.storeId}`, {
      method: 'POST',
    });
    expect(response.status).toBe(405);
  });
});
