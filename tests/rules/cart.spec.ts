/**
 * Commerce, part 1: the cart summary on a conversation, system lines, the server secret and
 * the signed-request records are written by functions only.
 */
import { describe, expect, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import {
  addDoc,
  collection,
  doc,
  getDoc,
  serverTimestamp,
  setDoc,
  updateDoc,
} from 'firebase/firestore';
import {
  conversationPath,
  messagesPath,
  serverSecretPath,
  signedRequestPath,
} from '@comptoir/core';
import {
  ALICE,
  BRUNO,
  CONV_1,
  PAST,
  SHOPPER_1,
  STORE_A,
  asOperator,
  asShopper,
  conversationData,
  seedDoc,
  useRulesEnv,
} from './setup';

const CART = {
  items: [{ id: 'opaline', name: 'Opaline lamp', variant: null, quantity: 1, unitPrice: 149 }],
  subtotal: 149,
  currency: 'EUR',
  itemCount: 1,
  updatedAt: PAST,
  occurredAt: 0,
  recentEventIds: ['e1'],
  burst: null,
};

// Shopper 1's conversation with a cart summary, as the cart functions leave it.
const rules = useRulesEnv((env) =>
  seedDoc(env, conversationPath(STORE_A, CONV_1), {
    ...conversationData(SHOPPER_1, 'ongoing', 1),
    cart: CART,
  }),
);

describe('the cart summary on a conversation', () => {
  it('the shopper and the store’s operators read the cart summary functions keep', async () => {
    const asAlice = await assertSucceeds(
      getDoc(doc(asOperator(rules.env, ALICE), conversationPath(STORE_A, CONV_1))),
    );
    expect(asAlice.data()?.cart.subtotal).toBe(149);
    await assertSucceeds(
      getDoc(doc(asShopper(rules.env, SHOPPER_1), conversationPath(STORE_A, CONV_1))),
    );
  });

  it('a shopper cannot write their own cart summary, though their heartbeat still goes through', async () => {
    const ref = doc(asShopper(rules.env, SHOPPER_1), conversationPath(STORE_A, CONV_1));
    await assertSucceeds(updateDoc(ref, { shopperSeenAt: serverTimestamp() }));
    await assertFails(updateDoc(ref, { cart: CART }));
    await assertFails(updateDoc(ref, { shopperSeenAt: serverTimestamp(), 'cart.subtotal': 1 }));
  });

  it('an operator cannot write the cart summary, though they can mark the thread read', async () => {
    const ref = doc(asOperator(rules.env, ALICE), conversationPath(STORE_A, CONV_1));
    await assertSucceeds(
      updateDoc(ref, { unreadByOperator: 0, operatorReadAt: serverTimestamp() }),
    );
    await assertFails(updateDoc(ref, { cart: CART }));
    await assertFails(
      updateDoc(ref, { unreadByOperator: 0, operatorReadAt: serverTimestamp(), cart: null }),
    );
  });
});

describe('system lines in a conversation', () => {
  const line = (uid: string) => ({
    author: 'system',
    authorUid: uid,
    text: 'Added Opaline lamp',
    createdAt: serverTimestamp(),
  });

  it('a shopper writes their own messages but cannot post a system line or an event', async () => {
    const messages = collection(asShopper(rules.env, SHOPPER_1), messagesPath(STORE_A, CONV_1));
    await assertSucceeds(
      addDoc(messages, {
        author: 'shopper',
        authorUid: SHOPPER_1,
        text: 'Hi',
        createdAt: serverTimestamp(),
      }),
    );
    await assertFails(addDoc(messages, line(SHOPPER_1)));
    await assertFails(
      addDoc(messages, {
        author: 'shopper',
        authorUid: SHOPPER_1,
        text: 'Added Opaline lamp',
        event: { kind: 'cart', changes: [{ delta: 1, name: 'Opaline lamp', variant: null }] },
        createdAt: serverTimestamp(),
      }),
    );
  });

  it('an operator replies but cannot post a system line', async () => {
    const messages = collection(asOperator(rules.env, ALICE), messagesPath(STORE_A, CONV_1));
    await assertSucceeds(
      addDoc(messages, {
        author: 'operator',
        authorUid: ALICE.uid,
        authorName: ALICE.displayName,
        text: 'Hello',
        createdAt: serverTimestamp(),
      }),
    );
    await assertFails(addDoc(messages, line(ALICE.uid)));
  });
});

describe('stores/{storeId}/secrets/server and signedRequests', () => {
  it('an operator reads the server secret to set up the store’s server', async () => {
    await seedDoc(rules.env, serverSecretPath(STORE_A), { secret: 'abc', rotatedAt: PAST });
    await assertSucceeds(getDoc(doc(asOperator(rules.env, ALICE), serverSecretPath(STORE_A))));
  });

  it('a shopper or another store’s operator cannot read it, and nobody writes it directly', async () => {
    await seedDoc(rules.env, serverSecretPath(STORE_A), { secret: 'abc', rotatedAt: PAST });
    await assertFails(getDoc(doc(asShopper(rules.env, SHOPPER_1), serverSecretPath(STORE_A))));
    await assertFails(getDoc(doc(asOperator(rules.env, BRUNO), serverSecretPath(STORE_A))));
    await assertFails(
      setDoc(doc(asOperator(rules.env, ALICE), serverSecretPath(STORE_A)), { secret: 'mine' }),
    );
  });

  it('no client reads or writes the replay guard’s records, not even an operator', async () => {
    const path = signedRequestPath(STORE_A, 'ab'.repeat(32));
    await seedDoc(rules.env, path, { path: '/api/cart-events', receivedAt: PAST, expiresAt: PAST });
    await assertFails(getDoc(doc(asOperator(rules.env, ALICE), path)));
    await assertFails(
      setDoc(doc(asOperator(rules.env, ALICE), signedRequestPath(STORE_A, 'cd'.repeat(32))), {
        path: 'x',
      }),
    );
    await assertFails(setDoc(doc(asShopper(rules.env, SHOPPER_1), path), { path: 'x' }));
  });
});
