/**
 * Commerce, part 3: the catalogue is read by the store's members and written by functions
 * only; shoppers never read it, and product cards cannot be posted from a client.
 */
import { describe, expect, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import {
  addDoc,
  collection,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  limit,
  orderBy,
  query,
  serverTimestamp,
  setDoc,
  updateDoc,
  where,
} from 'firebase/firestore';
import { messagesPath, productPath, productsPath } from '@comptoir/core';
import {
  ALICE,
  BRUNO,
  CONV_1,
  PAST,
  SHOPPER_1,
  STORE_A,
  asNobody,
  asOperator,
  asShopper,
  seedDoc,
  useRulesEnv,
} from './setup';

const LAMP = {
  id: 'opaline',
  name: 'Opaline table lamp',
  price: 149,
  currency: 'EUR',
  url: 'https://maison-lumiere.test/product.html?id=opaline',
  imageUrl: 'https://maison-lumiere.test/images/opaline.svg',
  description: null,
  variant: null,
  available: true,
  searchKeys: ['opaline', 'o', 'op', 'opa', 'table', 'lamp'],
  updatedAt: PAST,
};
const CARD = {
  id: 'opaline',
  name: 'Opaline table lamp',
  price: 1,
  currency: 'EUR',
  url: 'https://maison-lumiere.test/product.html?id=opaline',
  imageUrl: null,
  variant: null,
  available: true,
};

const rules = useRulesEnv(async (env) => {
  await seedDoc(env, productPath(STORE_A, 'opaline'), LAMP);
});

describe('stores/{storeId}/products', () => {
  it('a member reads the catalogue and searches it by key', async () => {
    const alice = asOperator(rules.env, ALICE);
    await assertSucceeds(getDoc(doc(alice, productPath(STORE_A, 'opaline'))));
    const found = await assertSucceeds(
      getDocs(
        query(
          collection(alice, productsPath(STORE_A)),
          where('searchKeys', 'array-contains', 'opa'),
          orderBy('name'),
          limit(30),
        ),
      ),
    );
    expect(found.docs.map((d) => d.id)).toEqual(['opaline']);
  });

  it('shoppers, strangers and other stores’ operators cannot read the catalogue', async () => {
    const shopper = asShopper(rules.env, SHOPPER_1);
    await assertFails(getDoc(doc(shopper, productPath(STORE_A, 'opaline'))));
    await assertFails(getDocs(collection(shopper, productsPath(STORE_A))));
    await assertFails(getDoc(doc(asNobody(rules.env), productPath(STORE_A, 'opaline'))));
    await assertFails(getDoc(doc(asOperator(rules.env, BRUNO), productPath(STORE_A, 'opaline'))));
    await assertFails(getDocs(collection(asOperator(rules.env, BRUNO), productsPath(STORE_A))));
  });
});

describe('attack: products from a client', () => {
  it('nobody creates, edits or deletes products from a client, not even a member', async () => {
    const alice = asOperator(rules.env, ALICE);
    await assertFails(setDoc(doc(alice, productPath(STORE_A, 'new')), { ...LAMP, id: 'new' }));
    await assertFails(updateDoc(doc(alice, productPath(STORE_A, 'opaline')), { price: 1 }));
    await assertFails(
      updateDoc(doc(alice, productPath(STORE_A, 'opaline')), { url: 'javascript:alert(1)' }),
    );
    await assertFails(deleteDoc(doc(alice, productPath(STORE_A, 'opaline'))));
    const shopper = asShopper(rules.env, SHOPPER_1);
    await assertFails(setDoc(doc(shopper, productPath(STORE_A, 'x')), { ...LAMP, id: 'x' }));
    await assertFails(updateDoc(doc(shopper, productPath(STORE_A, 'opaline')), { price: 1 }));
  });

  it('product cards are posted through shareProducts only: a client message cannot carry one', async () => {
    const alice = collection(asOperator(rules.env, ALICE), messagesPath(STORE_A, CONV_1));
    const reply = {
      author: 'operator',
      authorUid: ALICE.uid,
      authorName: ALICE.displayName,
      text: 'Shared a product: Opaline table lamp',
      createdAt: serverTimestamp(),
    };
    await assertSucceeds(addDoc(alice, reply));
    await assertFails(addDoc(alice, { ...reply, products: [CARD] }));
    const shopper = collection(asShopper(rules.env, SHOPPER_1), messagesPath(STORE_A, CONV_1));
    await assertFails(
      addDoc(shopper, {
        author: 'shopper',
        authorUid: SHOPPER_1,
        text: 'A lamp for €1',
        products: [CARD],
        createdAt: serverTimestamp(),
      }),
    );
  });
});
