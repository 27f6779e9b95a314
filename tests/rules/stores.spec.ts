import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import {
  assertFails,
  assertSucceeds,
  type RulesTestEnvironment,
} from '@firebase/rules-unit-testing';
import { deleteDoc, doc, getDoc, setDoc, updateDoc } from 'firebase/firestore';
import { storePath } from '@comptoir/core';
import {
  ALICE,
  BRUNO,
  PAST,
  SHOPPER_1,
  STORE_A,
  STORE_B,
  asNobody,
  asOperator,
  asShopper,
  createTestEnv,
  seed,
} from './setup';

let testEnv: RulesTestEnvironment;

beforeAll(async () => {
  testEnv = await createTestEnv();
});

beforeEach(async () => {
  await testEnv.clearFirestore();
  await seed(testEnv);
});

afterAll(async () => {
  await testEnv.cleanup();
});

describe('stores/{storeId}: private store settings', () => {
  it("an operator can read their own store's private settings", async () => {
    await assertSucceeds(getDoc(doc(asOperator(testEnv, ALICE), storePath(STORE_A))));
    await assertSucceeds(getDoc(doc(asOperator(testEnv, BRUNO), storePath(STORE_B))));
  });

  it("a shopper cannot read a store's private settings", async () => {
    await assertSucceeds(getDoc(doc(asOperator(testEnv, ALICE), storePath(STORE_A))));
    await assertFails(getDoc(doc(asShopper(testEnv, SHOPPER_1), storePath(STORE_A))));
  });

  it("nobody signed out can read a store's private settings", async () => {
    await assertSucceeds(getDoc(doc(asOperator(testEnv, ALICE), storePath(STORE_A))));
    await assertFails(getDoc(doc(asNobody(testEnv), storePath(STORE_A))));
  });

  it("an operator cannot read another store's private settings", async () => {
    const bruno = asOperator(testEnv, BRUNO);
    await assertSucceeds(getDoc(doc(bruno, storePath(STORE_B))));
    await assertFails(getDoc(doc(bruno, storePath(STORE_A))));
  });

  it("an operator cannot change or delete their store's settings from a client (functions do)", async () => {
    const alice = asOperator(testEnv, ALICE);
    await assertSucceeds(getDoc(doc(alice, storePath(STORE_A))));
    await assertFails(updateDoc(doc(alice, storePath(STORE_A)), { name: 'Renamed' }));
    await assertFails(updateDoc(doc(alice, storePath(STORE_A)), { guestCount: 0 }));
    await assertFails(deleteDoc(doc(alice, storePath(STORE_A))));
  });

  it('no client can create a store, signed in or not', async () => {
    const newStore = {
      name: 'New store',
      defaultLanguage: 'en',
      languages: ['en'],
      guestCount: 0,
      createdAt: PAST,
    };
    await assertSucceeds(getDoc(doc(asOperator(testEnv, ALICE), storePath(STORE_A))));
    await assertFails(setDoc(doc(asOperator(testEnv, ALICE), storePath('store-new')), newStore));
    await assertFails(setDoc(doc(asShopper(testEnv, SHOPPER_1), storePath('store-new')), newStore));
    await assertFails(setDoc(doc(asNobody(testEnv), storePath('store-new')), newStore));
  });
});
