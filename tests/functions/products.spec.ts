import { getFirestore } from 'firebase-admin/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messagesPath, productPath, productsPath, type Message } from '@comptoir/core';
import { demoProducts, seedMerchant, serverSecretOf } from '../../scripts/lib/seed.mjs';
import { chattingShopper, conversationOf, openStore, signedPost } from '../support/commerce';
import {
  call,
  eventually,
  HOSTING,
  merchantFor,
  operatorClient,
  refusal,
  uniqueStoreId,
  type Client,
} from '../support/emulators';

const storeId = uniqueStoreId('products');
const clients: Client[] = [];
let operator: Client & { uid: string };
let secret: string;

const product = (id: string, overrides: Record<string, unknown> = {}) => ({
  id,
  name: `Lamp ${id}`,
  price: 99,
  currency: 'EUR',
  url: `https://maison-lumiere.test/product.html?id=${id}`,
  imageUrl: `https://maison-lumiere.test/images/${id}.svg`,
  ...overrides,
});

const stored = async (id: string, store = storeId) =>
  (await getFirestore().doc(productPath(store, id)).get()).data();
const count = async (store = storeId) =>
  (await getFirestore().collection(productsPath(store)).count().get()).data().count;

beforeAll(async () => {
  operator = await openStore(storeId);
  clients.push(operator);
  secret = await serverSecretOf(storeId);
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
});

describe('importing products from the store’s server (POST /api/products)', () => {
  it('a signed batch is upserted by id with its search keys; a second import updates', async () => {
    const answer = await signedPost('/api/products', storeId, secret, {
      products: [product('opaline', { name: 'Opaline table lamp', price: 149 }), product('arc')],
    });
    expect(answer).toEqual({ status: 200, body: { status: 'imported', count: 2 } });
    expect(await stored('opaline')).toMatchObject({
      name: 'Opaline table lamp',
      price: 149,
      currency: 'EUR',
      available: true,
      description: null,
      searchKeys: expect.arrayContaining(['opaline', 'opa', 'table', 'lamp']),
    });
    const again = await signedPost('/api/products', storeId, secret, {
      products: [product('opaline', { name: 'Opaline table lamp', price: 139, available: false })],
    });
    expect(again.status).toBe(200);
    expect(await stored('opaline')).toMatchObject({ price: 139, available: false });
    expect(await count()).toBe(2);
  });

  it('the demo catalogue imports as it is, linking to the demo store', async () => {
    const products = await demoProducts('http://127.0.0.1:5080');
    const answer = await signedPost('/api/products', storeId, secret, { products });
    expect(answer.body).toEqual({ status: 'imported', count: 6 });
    expect(await stored('arc')).toMatchObject({
      url: 'http://127.0.0.1:5080/product.html?id=arc',
      imageUrl: 'http://127.0.0.1:5080/images/arc.svg',
    });
  });
});

describe('attack: products endpoint', () => {
  it('a mis-signed request, a stale one and a replay are refused, and write nothing', async () => {
    const other = uniqueStoreId('products-forged');
    await openStore(other).then((c) => clients.push(c));
    const body = { products: [product('forged')] };
    const forged = await signedPost('/api/products', other, 'not-the-secret', body);
    expect(forged).toMatchObject({ status: 401, body: { error: { code: 'invalid-signature' } } });
    // Signed with store A's secret but naming store B: refused too.
    const crossStore = await signedPost('/api/products', other, secret, body);
    expect(crossStore).toMatchObject({
      status: 401,
      body: { error: { code: 'invalid-signature' } },
    });
    const stale = await signedPost('/api/products', other, await serverSecretOf(other), body, {
      timestamp: Math.floor(Date.now() / 1000) - 3600,
    });
    expect(stale).toMatchObject({ status: 401, body: { error: { code: 'invalid-timestamp' } } });
    expect(await count(other)).toBe(0);

    const timestamp = Math.floor(Date.now() / 1000);
    const first = await signedPost('/api/products', storeId, secret, body, { timestamp });
    expect(first.status).toBe(200);
    await getFirestore().doc(productPath(storeId, 'forged')).delete();
    const replay = await signedPost('/api/products', storeId, secret, body, { timestamp });
    expect(replay).toMatchObject({ status: 409, body: { error: { code: 'replayed-request' } } });
    expect(await stored('forged')).toBeUndefined();
  });

  it('one bad product refuses the whole batch, naming the item and field; nothing is written', async () => {
    const before = await count();
    const answer = await signedPost('/api/products', storeId, secret, {
      products: [
        product('good-1'),
        product('evil', { url: 'javascript:alert(document.cookie)' }),
        product('good-2', { price: 'free' }),
      ],
    });
    expect(answer.status).toBe(400);
    const error = answer.body.error as {
      code: string;
      message: string;
      problems: { index: number; id: string; field: string }[];
    };
    expect(error.code).toBe('invalid-products');
    expect(error.message).toMatch(/^products\[1\] \(evil\)\.url: .*http\(s\)/);
    expect(error.problems.map((p) => [p.index, p.id, p.field])).toEqual([
      [1, 'evil', 'url'],
      [2, 'good-2', 'price'],
    ]);
    expect(await stored('good-1')).toBeUndefined();
    expect(await count()).toBe(before);
  });

  it('a batch over 250 products, a body without products and GET are refused', async () => {
    const many = Array.from({ length: 251 }, (_, i) => product(`p${i}`));
    const big = await signedPost('/api/products', storeId, secret, { products: many });
    expect(big).toMatchObject({ status: 400, body: { error: { code: 'too-many-products' } } });
    expect(await stored('p0')).toBeUndefined();
    const empty = await signedPost('/api/products', storeId, secret, { items: [] });
    expect(empty).toMatchObject({ status: 400, body: { error: { code: 'invalid-products' } } });
    expect((await fetch(`${HOSTING}/api/products`)).status).toBe(405);
  });
});

describe('importing products from the console (importProducts)', () => {
  it('a member imports a batch, checked like the endpoint', async () => {
    expect(
      await call(operator, 'importProducts', { storeId, products: [product('console-1')] }),
    ).toEqual({ count: 1 });
    expect(await stored('console-1')).toMatchObject({ name: 'Lamp console-1' });
    const refused = await refusal(
      call(operator, 'importProducts', {
        storeId,
        products: [product('console-2'), product('console-3', { imageUrl: 'data:x' })],
      }),
    );
    expect(refused).toMatchObject({
      status: 'functions/invalid-argument',
      code: 'invalid-products',
    });
    expect((refused.details as { problems?: unknown[] }).problems).toEqual([
      expect.objectContaining({ index: 1, id: 'console-3', field: 'imageUrl' }),
    ]);
    expect(await stored('console-2')).toBeUndefined();
  });

  it('attack: a shopper or another store’s operator cannot import', async () => {
    const { shopper } = await chattingShopper(storeId);
    clients.push(shopper);
    expect(
      await refusal(call(shopper, 'importProducts', { storeId, products: [product('x1')] })),
    ).toMatchObject({ code: 'not-a-member' });
    const otherStore = uniqueStoreId('products-other');
    const stranger = merchantFor(otherStore, 'Stranger');
    await seedMerchant(otherStore, stranger);
    const strangerClient = await operatorClient(stranger);
    clients.push(strangerClient);
    expect(
      await refusal(call(strangerClient, 'importProducts', { storeId, products: [product('x2')] })),
    ).toMatchObject({ code: 'not-a-member' });
    expect(await stored('x1')).toBeUndefined();
    expect(await stored('x2')).toBeUndefined();
  });
});

describe('sharing products (shareProducts)', () => {
  beforeAll(async () => {
    await call(operator, 'importProducts', {
      storeId,
      products: ['s1', 's2', 's3', 's4'].map((id) => product(id, { price: 49.9 })),
    });
  });

  async function conversation() {
    const { shopper, conversationId } = await chattingShopper(storeId);
    clients.push(shopper);
    return { shopper, conversationId };
  }

  it('posts one message with a copy of up to 3 products, under the operator’s name', async () => {
    const { conversationId } = await conversation();
    const { messageId } = await call<{ messageId: string }>(operator, 'shareProducts', {
      storeId,
      conversationId,
      productIds: ['s1', 's2', 's3'],
    });
    const message = (
      await getFirestore()
        .doc(`${messagesPath(storeId, conversationId)}/${messageId}`)
        .get()
    ).data() as Message;
    expect(message).toMatchObject({
      author: 'operator',
      authorUid: operator.uid,
      authorName: 'Camille',
      text: 'Shared 3 products: Lamp s1, Lamp s2, Lamp s3',
    });
    expect(message.products).toEqual(
      ['s1', 's2', 's3'].map((id) => ({
        id,
        name: `Lamp ${id}`,
        price: 49.9,
        currency: 'EUR',
        url: `https://maison-lumiere.test/product.html?id=${id}`,
        imageUrl: `https://maison-lumiere.test/images/${id}.svg`,
        variant: null,
        available: true,
      })),
    );
    // The inbox previews it by the products' names.
    const summarised = await eventually(
      () => conversationOf(storeId, conversationId),
      (c) => c?.lastMessageId === messageId,
    );
    expect(summarised?.lastMessage).toEqual({
      text: 'Shared 3 products: Lamp s1, Lamp s2, Lamp s3',
      author: 'operator',
    });
    // A snapshot: changing the catalogue afterwards does not change what the shopper was shown.
    await getFirestore().doc(productPath(storeId, 's1')).update({ price: 999 });
    const again = (
      await getFirestore()
        .doc(`${messagesPath(storeId, conversationId)}/${messageId}`)
        .get()
    ).data() as Message;
    expect(again.products?.[0]?.price).toBe(49.9);
  });

  it('a fourth product, none, the same twice or an unknown one is refused; nothing is posted', async () => {
    const { conversationId } = await conversation();
    const share = (productIds: unknown) =>
      refusal(call(operator, 'shareProducts', { storeId, conversationId, productIds }));
    expect(await share(['s1', 's2', 's3', 's4'])).toMatchObject({
      status: 'functions/invalid-argument',
      code: 'too-many-products',
      message: expect.stringMatching(/^Share at most 3 products at once\./),
    });
    expect(await share([])).toMatchObject({ code: 'invalid-product-ids' });
    expect(await share(['s1', 's1'])).toMatchObject({ code: 'invalid-product-ids' });
    expect(await share(['s1', 'gone'])).toMatchObject({
      status: 'functions/not-found',
      code: 'product-not-found',
      message: expect.stringContaining('gone'),
    });
    const messages = await getFirestore().collection(messagesPath(storeId, conversationId)).get();
    expect(messages.docs.filter((d) => d.get('products'))).toHaveLength(0);
  });

  it('attack: a shopper or a non-member cannot share products, even into their own chat', async () => {
    const { shopper, conversationId } = await conversation();
    expect(
      await refusal(
        call(shopper, 'shareProducts', { storeId, conversationId, productIds: ['s1'] }),
      ),
    ).toMatchObject({ code: 'not-a-member' });
    const otherStore = uniqueStoreId('products-share');
    const stranger = merchantFor(otherStore, 'Stranger');
    await seedMerchant(otherStore, stranger);
    const strangerClient = await operatorClient(stranger);
    clients.push(strangerClient);
    expect(
      await refusal(
        call(strangerClient, 'shareProducts', { storeId, conversationId, productIds: ['s1'] }),
      ),
    ).toMatchObject({ code: 'not-a-member' });
  });

  it('a finished conversation is refused', async () => {
    const { conversationId } = await conversation();
    await call(operator, 'endConversation', { storeId, conversationId });
    expect(
      await refusal(
        call(operator, 'shareProducts', { storeId, conversationId, productIds: ['s1'] }),
      ),
    ).toMatchObject({ code: 'conversation-not-ongoing' });
  });
});
