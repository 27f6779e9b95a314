/**
 * Orders: the store's server posts them (POST /api/orders, signed), a shopper asks about one
 * in the widget (lookupOrder), and the reply email lists the recent ones. A wrong number, a
 * wrong email and an unknown store must be indistinguishable, and guessing is rate-limited.
 */
import { getFirestore } from 'firebase-admin/firestore';
import { addDoc, collection, serverTimestamp } from 'firebase/firestore';
import { afterAll, describe, expect, it } from 'vitest';
import { conversationPath, messagesPath, orderPath, ordersPath } from '@comptoir/core';
import { demoOrders, seedOrders, seedStore, serverSecretOf } from '../../scripts/lib/seed.mjs';
import { signedPost } from '../support/commerce';
import {
  call,
  closeClients,
  eventually,
  HOSTING,
  newShopper,
  openStore,
  outbox,
  refusal as refusalOf,
  sweepNow,
  uniqueStoreId,
  webClient,
} from '../support/emulators';

afterAll(closeClients);

const NOT_FOUND = {
  status: 'functions/not-found',
  code: 'order-not-found',
  message: 'We could not find an order with that number and email.',
};

/** A store with the demo's three orders (ML-1042 delivered, ML-1057 shipped, ML-1063 received). */
async function storeWithOrders(prefix: string) {
  const storeId = uniqueStoreId(prefix);
  await seedStore(storeId);
  await seedOrders(storeId);
  return storeId;
}

/** A refused call, its message as the shopper reads it (the SDK appends " [404]"). */
async function refusal(promise: Promise<unknown>) {
  const refused = await refusalOf(promise);
  return { ...refused, message: refused.message.replace(/\s*\[\d{3}\]$/, '') };
}

const lookup = async (
  storeId: string,
  orderNumber: unknown,
  email: unknown,
  shopper?: Awaited<ReturnType<typeof newShopper>>,
) =>
  call<Record<string, unknown>>(shopper ?? (await newShopper()), 'lookupOrder', {
    storeId,
    orderNumber,
    email,
    language: 'en',
  });

const ordersOf = async (storeId: string) =>
  (await getFirestore().collection(ordersPath(storeId)).get()).docs.map((d) => d.data());

const order = (fields: Record<string, unknown> = {}) => ({
  number: '#2041',
  email: 'Lea.Martin@Example.com ',
  status: 'processing',
  createdAt: Date.now() - 3_600_000,
  total: 149,
  currency: 'EUR',
  items: [{ name: 'Opaline table lamp (Sage)', quantity: 1 }],
  ...fields,
});

describe('lookupOrder: a shopper asks "Where is my order?"', () => {
  it('the right number and email answer the status and when it last changed', async () => {
    const storeId = await storeWithOrders('lookup-found');
    const [, , received] = demoOrders();
    const answer = await lookup(storeId, 'ML-1063', 'ada@example.com');
    expect(answer).toEqual({
      number: 'ML-1063',
      status: 'received',
      statusLabel: 'Order received',
      updatedAt: expect.any(Number),
    });
    expect(Math.abs((answer.updatedAt as number) - received!.updatedAt)).toBeLessThan(60_000);
  });

  it('a shipped order answers its tracking link and carrier; a delivered one too', async () => {
    const storeId = await storeWithOrders('lookup-shipped');
    expect(await lookup(storeId, 'ML-1057', 'ada@example.com')).toMatchObject({
      status: 'shipped',
      trackingUrl: 'https://www.dpd.com/fr/fr/suivi-colis/?parcelNumber=250117890043',
      carrier: 'DPD',
    });
    expect(await lookup(storeId, 'ML-1042', 'ada@example.com')).toMatchObject({
      status: 'delivered',
      carrier: 'Colissimo',
      trackingUrl: expect.stringMatching(/^https:\/\/www\.laposte\.fr\//),
    });
  });

  it('the number and email are matched as people type them: #, spaces, case', async () => {
    const storeId = await storeWithOrders('lookup-typed');
    expect(await lookup(storeId, ' #ml-1057 ', '  ADA@Example.COM ')).toMatchObject({
      number: 'ML-1057',
      status: 'shipped',
    });
  });

  it('a wrong number and a wrong email get exactly the same refusal', async () => {
    const storeId = await storeWithOrders('lookup-neutral');
    const wrongNumber = await refusal(lookup(storeId, 'ML-9999', 'ada@example.com'));
    const wrongEmail = await refusal(lookup(storeId, 'ML-1057', 'someone@example.com'));
    const both = await refusal(lookup(storeId, 'ML-9999', 'someone@example.com'));
    expect(wrongNumber).toEqual(wrongEmail);
    expect(wrongEmail).toEqual(both);
    expect(wrongNumber).toMatchObject(NOT_FOUND);
  });

  it('bad input is refused with a code and a message before anything is counted', async () => {
    const storeId = await storeWithOrders('lookup-input');
    const shopper = await newShopper();
    expect(await refusal(lookup(storeId, '', 'ada@example.com', shopper))).toMatchObject({
      status: 'functions/invalid-argument',
      code: 'invalid-order-number',
      message: 'Enter your order number, as it appears in your confirmation email.',
    });
    expect(await refusal(lookup(storeId, 'ML-1057', 'ada', shopper))).toMatchObject({
      status: 'functions/invalid-argument',
      code: 'invalid-email',
      message: 'Enter the email address you ordered with.',
    });
    expect(
      await refusal(
        call(shopper, 'lookupOrder', { storeId: 'Not A Store', orderNumber: '1', email: 'a@b.co' }),
      ),
    ).toMatchObject({ code: 'invalid-store-id' });
    // None of these took one of the shopper's five attempts.
    for (let i = 0; i < 5; i++) {
      await lookup(storeId, 'ML-1057', 'ada@example.com', shopper);
    }
  });

  it('the sixth attempt in ten minutes is refused, found or not, with when to try again', async () => {
    const storeId = await storeWithOrders('lookup-limit');
    const shopper = await newShopper();
    await lookup(storeId, 'ML-1057', 'ada@example.com', shopper);
    for (const n of ['1', '2', '3', '4']) {
      await refusal(lookup(storeId, `ML-${n}`, 'ada@example.com', shopper));
    }
    const limited = await refusal(lookup(storeId, 'ML-1057', 'ada@example.com', shopper));
    expect(limited).toMatchObject({
      status: 'functions/resource-exhausted',
      code: 'too-many-attempts',
      message: 'Too many attempts, try again in 10 minutes.',
      details: { retryAfterMinutes: 10 },
    });
    // Another shopper is not held back by this one.
    expect(await lookup(storeId, 'ML-1057', 'ada@example.com')).toMatchObject({
      status: 'shipped',
    });
  });

  it('a signed-out caller is refused', async () => {
    const storeId = await storeWithOrders('lookup-anon');
    const client = webClient();
    try {
      expect(
        await refusal(
          call(client, 'lookupOrder', {
            storeId,
            orderNumber: 'ML-1057',
            email: 'ada@example.com',
          }),
        ),
      ).toMatchObject({ status: 'functions/unauthenticated', code: 'unauthenticated' });
    } finally {
      await client.close();
    }
  });
});

describe('attack: order lookup', () => {
  it('an unknown store answers the same refusal as a wrong number, and keeps no counters', async () => {
    const storeId = await storeWithOrders('lookup-nostore');
    const known = await refusal(lookup(storeId, 'ML-9999', 'ada@example.com'));
    const ghost = uniqueStoreId('ghost');
    const unknown = await refusal(lookup(ghost, 'ML-1057', 'ada@example.com'));
    expect(unknown).toEqual(known);
    const counters = await getFirestore().collection(`stores/${ghost}/rateLimits`).get();
    expect(counters.size).toBe(0);
  });

  it('guessing one person’s order numbers from many browsers is stopped by the per-email limit', async () => {
    const storeId = await storeWithOrders('lookup-email');
    // Ten tries from ten "browsers", the email spelled differently each time: all one email.
    for (let i = 0; i < 10; i++) {
      const spelled = i % 2 ? ' ADA@example.com' : 'ada@EXAMPLE.com ';
      await refusal(lookup(storeId, `ML-${2000 + i}`, spelled));
    }
    const limited = await refusal(lookup(storeId, 'ML-1057', 'ada@example.com'));
    expect(limited).toMatchObject({ code: 'too-many-attempts' });
    // The right answer is held back too: a limit that let the right guess through would leak.
    expect(limited.message).toMatch(/^Too many attempts, try again in \d+ minutes?\.$/);
  });

  it('many shoppers from one address are stopped by the per-IP limit', async () => {
    const storeId = await storeWithOrders('lookup-ip');
    for (let i = 0; i < 30; i++) {
      await refusal(lookup(storeId, 'ML-1057', `guess-${i}@example.com`));
    }
    expect(await refusal(lookup(storeId, 'ML-1057', 'ada@example.com'))).toMatchObject({
      code: 'too-many-attempts',
    });
  });

  it('a number that is a path, or input that is not text, finds nothing and reads nothing else', async () => {
    const storeId = await storeWithOrders('lookup-path');
    const shopper = await newShopper();
    for (const orderNumber of ['../secrets/server', 'ML-1057/..', { $gt: '' }, ['ML-1057']]) {
      expect(await refusal(lookup(storeId, orderNumber, 'ada@example.com', shopper))).toMatchObject(
        { code: 'invalid-order-number' },
      );
    }
    expect(await refusal(lookup(storeId, 'ML-1057', { $ne: 'x' }, shopper))).toMatchObject({
      code: 'invalid-email',
    });
  });

  it('another shopper’s order stays hidden behind its email, even with the right number', async () => {
    const storeId = await storeWithOrders('lookup-other');
    const other = await refusal(lookup(storeId, 'ML-1057', 'ada@example.co'));
    expect(other).toMatchObject(NOT_FOUND);
  });
});

describe('POST /api/orders: the store’s server reports orders', () => {
  it('a signed order is stored under its number, with the email in lower case; the shopper finds it', async () => {
    const storeId = uniqueStoreId('orders-api');
    await seedStore(storeId);
    const secret = await serverSecretOf(storeId);
    const answer = await signedPost('/api/orders', storeId, secret, { order: order() });
    expect(answer).toEqual({
      status: 200,
      body: { orders: [{ number: '#2041', outcome: 'created' }] },
    });
    const stored = (await getFirestore().doc(orderPath(storeId, '2041')).get()).data();
    expect(stored).toMatchObject({
      number: '#2041',
      numberKey: '2041',
      email: 'lea.martin@example.com',
      status: 'processing',
      total: 149,
      currency: 'EUR',
      items: [{ name: 'Opaline table lamp (Sage)', quantity: 1 }],
      carrier: null,
      trackingUrl: null,
    });
    expect(await lookup(storeId, '2041', 'lea.martin@example.com')).toMatchObject({
      number: '#2041',
      status: 'processing',
    });

    // Shipped: the same order again, now with its tracking link.
    const shipped = await signedPost('/api/orders', storeId, secret, {
      orders: [
        order({
          status: 'shipped',
          updatedAt: new Date().toISOString(),
          carrier: 'Colissimo',
          trackingUrl: 'https://www.laposte.fr/outils/suivre-vos-envois?code=6A1',
        }),
        order({ number: '2042', email: 'paul@example.com' }),
      ],
    });
    expect(shipped.body).toEqual({
      orders: [
        { number: '#2041', outcome: 'updated' },
        { number: '2042', outcome: 'created' },
      ],
    });
    expect(await lookup(storeId, '#2041', 'Lea.Martin@example.com')).toMatchObject({
      status: 'shipped',
      trackingUrl: 'https://www.laposte.fr/outils/suivre-vos-envois?code=6A1',
    });
  });

  it('an update older than the stored one arrived late and is ignored: shipped stays shipped', async () => {
    const storeId = uniqueStoreId('orders-stale');
    await seedStore(storeId);
    const secret = await serverSecretOf(storeId);
    const now = Date.now();
    await signedPost('/api/orders', storeId, secret, {
      order: order({ status: 'shipped', updatedAt: now - 1000 }),
    });
    const late = await signedPost('/api/orders', storeId, secret, {
      order: order({ status: 'received', updatedAt: now - 60_000 }),
    });
    expect(late.body).toEqual({ orders: [{ number: '#2041', outcome: 'stale' }] });
    expect((await ordersOf(storeId))[0]).toMatchObject({ status: 'shipped' });
  });

  it('a wrong signature, a stale timestamp and a replayed request are refused, writing nothing', async () => {
    const storeId = uniqueStoreId('orders-sig');
    await seedStore(storeId);
    const secret = await serverSecretOf(storeId);
    const body = { order: order() };
    const forged = await signedPost('/api/orders', storeId, 'not-the-secret', body);
    expect(forged).toMatchObject({ status: 401, body: { error: { code: 'invalid-signature' } } });
    const stale = await signedPost('/api/orders', storeId, secret, body, {
      timestamp: Math.floor(Date.now() / 1000) - 3600,
    });
    expect(stale).toMatchObject({ status: 401, body: { error: { code: 'invalid-timestamp' } } });
    expect(await ordersOf(storeId)).toEqual([]);

    const timestamp = Math.floor(Date.now() / 1000);
    expect((await signedPost('/api/orders', storeId, secret, body, { timestamp })).status).toBe(
      200,
    );
    await getFirestore().doc(orderPath(storeId, '2041')).delete();
    const replay = await signedPost('/api/orders', storeId, secret, body, { timestamp });
    expect(replay).toMatchObject({ status: 409, body: { error: { code: 'replayed-request' } } });
    expect(await ordersOf(storeId)).toEqual([]);
  });

  it('one invalid order refuses the whole batch with the field named, and nothing is written', async () => {
    const storeId = uniqueStoreId('orders-invalid');
    await seedStore(storeId);
    const secret = await serverSecretOf(storeId);
    const bad = await signedPost('/api/orders', storeId, secret, {
      orders: [order(), order({ number: '2042', status: 'lost-in-transit' })],
    });
    expect(bad).toEqual({
      status: 400,
      body: {
        error: {
          code: 'invalid-order-status',
          message:
            'orders[1].status must be one of received, processing, shipped, delivered, cancelled.',
        },
      },
    });
    expect(await ordersOf(storeId)).toEqual([]);
    // Fixed and signed anew, the same batch goes through (the refusal was not kept as a replay).
    const fixed = await signedPost('/api/orders', storeId, secret, {
      orders: [order(), order({ number: '2042' })],
    });
    expect(fixed.status).toBe(200);
    expect(await ordersOf(storeId)).toHaveLength(2);
    expect((await fetch(`${HOSTING}/api/orders`)).status).toBe(405);
  });

  it('attack: orders endpoint — a javascript: tracking link, a path as number, junk bodies', async () => {
    const storeId = uniqueStoreId('orders-attack');
    await seedStore(storeId);
    const secret = await serverSecretOf(storeId);
    const cases: [unknown, string][] = [
      [
        { order: order({ status: 'shipped', trackingUrl: 'javascript:alert(document.cookie)' }) },
        'invalid-tracking-url',
      ],
      [
        { order: order({ trackingUrl: 'data:text/html,<script>alert(1)</script>' }) },
        'invalid-tracking-url',
      ],
      [{ order: order({ number: '../../secrets/server' }) }, 'invalid-order-number'],
      [{ order: order({ number: '__name__' }) }, 'invalid-order-number'],
      [{ order: order({ email: { $ne: null } }) }, 'invalid-email'],
      [{ order: 'x' }, 'invalid-order'],
      [
        { orders: Array.from({ length: 101 }, (_, i) => order({ number: String(i + 1) })) },
        'invalid-orders',
      ],
    ];
    for (const [body, code] of cases) {
      const answer = await signedPost('/api/orders', storeId, secret, body);
      expect(answer, code).toMatchObject({ status: 400, body: { error: { code } } });
    }
    // NOTE: JSON that does not parse never reaches the function (the framework answers 400).
    const notJson = await signedPost('/api/orders', storeId, secret, null, { raw: '[1,2]' });
    expect(notJson).toMatchObject({ status: 400, body: { error: { code: 'invalid-json' } } });
    expect(await ordersOf(storeId)).toEqual([]);
    // Another store's secret does not open this store.
    const other = uniqueStoreId('orders-other');
    await seedStore(other);
    const crossed = await signedPost('/api/orders', storeId, await serverSecretOf(other), {
      order: order(),
    });
    expect(crossed.status).toBe(401);
  });
});

describe('the reply email lists the orders the endpoint wrote', () => {
  it('an order posted with a mixed-case email appears in the email to that shopper', async () => {
    const { storeId, operator } = await openStore('orders-email');
    const secret = await serverSecretOf(storeId);
    await signedPost('/api/orders', storeId, secret, {
      order: order({
        email: ` Reader@${storeId}.test `,
        status: 'shipped',
        trackingUrl: 'https://t.example/2041',
      }),
    });
    const shopper = await newShopper();
    const { conversationId } = await call<{ conversationId: string }>(
      shopper,
      'startConversation',
      {
        storeId,
      },
    );
    const email = `reader@${storeId}.test`;
    await call(shopper, 'setShopperContact', { storeId, email, name: 'Léa' });
    await getFirestore()
      .doc(conversationPath(storeId, conversationId))
      .update({ shopperLeftAt: new Date() });
    const reply = await addDoc(collection(operator.db, messagesPath(storeId, conversationId)), {
      author: 'operator',
      authorUid: operator.uid,
      authorName: 'Camille',
      text: 'Your lamp is on its way.',
      createdAt: serverTimestamp(),
    });
    await eventually(
      async () =>
        (
          await getFirestore()
            .doc(`${messagesPath(storeId, conversationId)}/${reply.id}`)
            .get()
        ).data(),
      (m) => Boolean(m?.emailQueuedAt),
    );
    await sweepNow(Date.now() + 61_000);
    const mail = await eventually(
      async () => (await outbox()).find((m) => m.to.includes(email)),
      (m) => Boolean(m),
    );
    expect(mail!.text).toContain('- #2041: shipped, €149.00 (tracking: https://t.example/2041)');
  });
});
