import { describe, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
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
  useRulesEnv,
} from './setup';

const rules = useRulesEnv();

describe('stores/{storeId}: private store settings', () => {
  it("an operator can read their own store's private settings", async () => {
    await assertSucceeds(getDoc(doc(asOperator(rules.env, ALICE), storePath(STORE_A))));
    await assertSucceeds(getDoc(doc(asOperator(rules.env, BRUNO), storePath(STORE_B))));
  });

  it("a shopper cannot read a store's private settings", async () => {
    await assertSucceeds(getDoc(doc(asOperator(rules.env, ALICE), storePath(STORE_A))));
    await assertFails(getDoc(doc(asShopper(rules.env, SHOPPER_1), storePath(STORE_A))));
  });

  it("nobody signed out can read a store's private settings", async () => {
    await assertSucceeds(getDoc(doc(asOperator(rules.env, ALICE), storePath(STORE_A))));
    await assertFails(getDoc(doc(asNobody(rules.env), storePath(STORE_A))));
  });

  it("an operator cannot read another store's private settings", async () => {
    const bruno = asOperator(rules.env, BRUNO);
    await assertSucceeds(getDoc(doc(bruno, storePath(STORE_B))));
    await assertFails(getDoc(doc(bruno, storePath(STORE_A))));
  });

  it("an operator cannot change or delete their store's settings from a client (functions do)", async () => {
    const alice = asOperator(rules.env, ALICE);
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
    await assertSucceeds(getDoc(doc(asOperator(rules.env, ALICE), storePath(STORE_A))));
    await assertFails(setDoc(doc(asOperator(rules.env, ALICE), storePath('store-new')), newStore));
    await assertFails(
      setDoc(doc(asShopper(rules.env, SHOPPER_1), storePath('store-new')), newStore),
    );
    await assertFails(setDoc(doc(asNobody(rules.env), storePath('store-new')), newStore));
  });
});
