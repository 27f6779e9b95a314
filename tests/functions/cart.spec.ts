import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { identitySecretOf, serverSecretOf } from '../../scripts/lib/seed.mjs';
import {
  chattingShopper,
  conversationOf,
  openStore,
  signedPost,
  systemLines,
} from '../support/commerce';
import {
  call,
  HOSTING,
  refusal,
  shopperClient,
  uniqueStoreId,
  type Client,
} from '../support/emulators';

const storeId = uniqueStoreId('cart');
const clients: Client[] = [];

const lamp = (quantity: number) => ({
  id: 'opaline-sage',
  name: 'Opaline table lamp',
  variant: 'Sage',
  quantity,
  unitPrice: 149,
});
const cartOf = (...items: ReturnType<typeof lamp>[]) => ({
  items,
  subtotal: items.reduce((s, i) => s + i.quantity * i.unitPrice, 0),
  currency: 'EUR',
});
let ids = 0;
const report = (client: Client, conversationId: string, cart: unknown, eventId = `t-${++ids}`) =>
  call<{ status: string }>(client, 'reportCart', {
    storeId,
    conversationId,
    eventId,
    occurredAt: Date.now(),
    cart,
  });

async function chatting() {
  const { shopper, conversationId } = await chattingShopper(storeId);
  clients.push(shopper);
  return { shopper, conversationId };
}

beforeAll(async () => {
  clients.push(await openStore(storeId));
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
});

describe('cart events from the widget (reportCart)', () => {
  it('an added product becomes a system line, and the conversation keeps the cart summary', async () => {
    const { shopper, conversationId } = await chatting();
    expect(await report(shopper, conversationId, cartOf())).toEqual({ status: 'recorded' });
    expect(await report(shopper, conversationId, cartOf(lamp(2)))).toEqual({
      status: 'recorded',
    });
    const lines = await systemLines(storeId, conversationId);
    expect(lines.map((l) => l.text)).toEqual(['Added 2 × Opaline table lamp (Sage)']);
    expect(lines[0]).toMatchObject({ author: 'system', event: { kind: 'cart' } });
    const conversation = await conversationOf(storeId, conversationId);
    expect(conversation?.cart).toMatchObject({
      subtotal: 298,
      currency: 'EUR',
      itemCount: 2,
      items: [{ id: 'opaline-sage', quantity: 2 }],
    });
    // The inbox shows the line as the latest activity.
    expect(conversation?.lastMessage).toEqual({
      text: 'Added 2 × Opaline table lamp (Sage)',
      author: 'system',
    });
  });

  it('a product name of 41 characters or more is not shown; one of 40 is', async () => {
    const { shopper, conversationId } = await chatting();
    await report(shopper, conversationId, cartOf());
    const forty = { ...lamp(1), id: 'forty', name: 'A'.repeat(40) };
    const long = {
      ...lamp(1),
      id: 'long',
      name: 'Grand Arc floor lamp in brushed brass, marble base',
    };
    await report(shopper, conversationId, cartOf(forty, long));
    const lines = await systemLines(storeId, conversationId);
    expect(lines.map((l) => l.text)).toEqual([
      `Added ${'A'.repeat(40)} (Sage)\nAdded an item to the cart`,
    ]);
  });

  it('a burst of changes is coalesced into one line with the net change', async () => {
    const { shopper, conversationId } = await chatting();
    await report(shopper, conversationId, cartOf());
    for (const quantity of [1, 2, 3, 2]) {
      await report(shopper, conversationId, cartOf(lamp(quantity)));
    }
    const lines = await systemLines(storeId, conversationId);
    expect(lines.map((l) => l.text)).toEqual(['Added 2 × Opaline table lamp (Sage)']);
    expect((await conversationOf(storeId, conversationId))?.cart?.itemCount).toBe(2);
  });

  it('a burst that cancels out leaves no line and gives the inbox preview back', async () => {
    const { shopper, conversationId } = await chatting();
    await report(shopper, conversationId, cartOf());
    const before = (await conversationOf(storeId, conversationId))?.lastMessageId;
    await report(shopper, conversationId, cartOf(lamp(1)));
    await report(shopper, conversationId, cartOf());
    expect(await systemLines(storeId, conversationId)).toEqual([]);
    expect((await conversationOf(storeId, conversationId))?.lastMessageId).toBe(before);
  });

  it('a repeated event id is ignored', async () => {
    const { shopper, conversationId } = await chatting();
    await report(shopper, conversationId, cartOf());
    expect(await report(shopper, conversationId, cartOf(lamp(1)), 'evt-repeat')).toEqual({
      status: 'recorded',
    });
    expect(await report(shopper, conversationId, cartOf(lamp(5)), 'evt-repeat')).toEqual({
      status: 'duplicate',
    });
    expect((await conversationOf(storeId, conversationId))?.cart?.itemCount).toBe(1);
  });

  it('a malformed cart is refused with a message naming the field', async () => {
    const { shopper, conversationId } = await chatting();
    const refused = await refusal(
      report(shopper, conversationId, { items: [{ id: 'x', name: 'Lamp', quantity: 0 }] }),
    );
    expect(refused).toMatchObject({ status: 'functions/invalid-argument', code: 'invalid-cart' });
    expect(refused.message).toMatch(/currency|quantity/);
    const noQuantity = await refusal(
      report(shopper, conversationId, {
        items: [{ id: 'x', name: 'Lamp', quantity: 0, unitPrice: 1 }],
        subtotal: 1,
        currency: 'EUR',
      }),
    );
    expect(noQuantity.message).toMatch(/cart\.items\[0\]\.quantity must be a whole number/);
  });

  it('a shopper cannot report a cart into someone else’s conversation', async () => {
    const { conversationId } = await chatting();
    const other = await shopperClient();
    clients.push(other);
    expect(await refusal(report(other, conversationId, cartOf(lamp(1))))).toMatchObject({
      status: 'functions/permission-denied',
      code: 'not-your-conversation',
    });
  });

  it('a finished conversation records nothing', async () => {
    const { shopper, conversationId } = await chatting();
    const operator = clients[0]!;
    await call(operator, 'endConversation', { storeId, conversationId });
    expect(await report(shopper, conversationId, cartOf(lamp(1)))).toEqual({
      status: 'no-conversation',
    });
    expect((await conversationOf(storeId, conversationId))?.cart).toBeUndefined();
  });
});

describe('cart events from the store’s server (POST /api/cart-events)', () => {
  let secret: string;
  beforeAll(async () => {
    secret = await serverSecretOf(storeId);
  });

  /** A chatting shopper the store has identified as `customerId`. */
  async function customer(customerId: string) {
    const { shopper, conversationId } = await chatting();
    const identity = await identitySecretOf(storeId);
    await call(shopper, 'identifyShopper', {
      storeId,
      customer: {
        id: customerId,
        name: 'Ada Lovelace',
        signature: createHmac('sha256', identity).update(customerId).digest('hex'),
      },
    });
    return { shopper, conversationId };
  }

  it('a signed cart event is recorded on the customer’s ongoing conversation', async () => {
    const { conversationId } = await customer('cust-s2s-1');
    const answer = await signedPost('/api/cart-events', storeId, secret, {
      eventId: 'order-api-1',
      customerId: 'cust-s2s-1',
      cart: cartOf(lamp(1)),
    });
    expect(answer).toEqual({ status: 200, body: { status: 'recorded', conversations: 1 } });
    expect((await systemLines(storeId, conversationId)).map((l) => l.text)).toEqual([
      'Cart: 1 item · €149.00',
    ]);
    // The same event id again (a retry, signed anew) is ignored.
    const retry = await signedPost('/api/cart-events', storeId, secret, {
      eventId: 'order-api-1',
      customerId: 'cust-s2s-1',
      cart: cartOf(lamp(3)),
    });
    expect(retry.body).toMatchObject({ status: 'duplicate' });
  });

  it('a customer who is not chatting costs nothing: no conversation, nothing stored', async () => {
    const answer = await signedPost('/api/cart-events', storeId, secret, {
      eventId: 'e-nobody',
      customerId: 'cust-not-chatting',
      cart: cartOf(lamp(1)),
    });
    expect(answer).toEqual({ status: 200, body: { status: 'no-conversation', conversations: 0 } });
  });

  it('a wrong signature, a stale timestamp and a replayed request are refused', async () => {
    const body = { eventId: 'e-auth', customerId: 'cust-x', cart: cartOf() };
    const forged = await signedPost('/api/cart-events', storeId, 'not-the-secret', body);
    expect(forged.status).toBe(401);
    expect(forged.body).toMatchObject({ error: { code: 'invalid-signature' } });
    expect(String((forged.body.error as { message: string }).message)).toMatch(/HMAC-SHA256/);

    const stale = await signedPost('/api/cart-events', storeId, secret, body, {
      timestamp: Math.floor(Date.now() / 1000) - 3600,
    });
    expect(stale).toMatchObject({ status: 401, body: { error: { code: 'invalid-timestamp' } } });

    const timestamp = Math.floor(Date.now() / 1000);
    const first = await signedPost('/api/cart-events', storeId, secret, body, { timestamp });
    expect(first.status).toBe(200);
    const replay = await signedPost('/api/cart-events', storeId, secret, body, { timestamp });
    expect(replay).toMatchObject({ status: 409, body: { error: { code: 'replayed-request' } } });
  });

  it('a malformed cart is refused with 400 and what to fix; GET is refused with 405', async () => {
    const bad = await signedPost('/api/cart-events', storeId, secret, {
      eventId: 'e-bad',
      customerId: 'cust-x',
      cart: { items: [], subtotal: 0, currency: 'euros' },
    });
    expect(bad).toMatchObject({ status: 400, body: { error: { code: 'invalid-cart' } } });
    expect(String((bad.body.error as { message: string }).message)).toMatch(/ISO 4217/);
    const get = await fetch(`${HOSTING}/api/cart-events`);
    expect(get.status).toBe(405);
  });
});
