import { describe, expect, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { collection, deleteDoc, doc, getDoc, getDocs, setDoc, updateDoc } from 'firebase/firestore';
import { memberPath, membersPath, type Member } from '@comptoir/core';
import {
  ALICE,
  BRUNO,
  SHOPPER_1,
  STORE_A,
  STORE_B,
  asNobody,
  asOperator,
  asShopper,
  seedDoc,
  useRulesEnv,
} from './setup';

const rules = useRulesEnv();

/** A second operator of store A, so that members can be seen to see each other. */
const CLARA: Member = {
  uid: 'operator-clara',
  role: 'operator',
  displayName: 'Clara',
  email: 'clara@store-a.test',
};

describe('stores/{storeId}/members: who operates a store', () => {
  it('an operator can see the other operators of their store', async () => {
    await seedDoc(rules.env, memberPath(STORE_A, CLARA.uid), CLARA);
    const alice = asOperator(rules.env, ALICE);
    const clara = await assertSucceeds(getDoc(doc(alice, memberPath(STORE_A, CLARA.uid))));
    expect(clara.data()?.displayName).toBe('Clara');
    const all = await assertSucceeds(getDocs(collection(alice, membersPath(STORE_A))));
    expect(all.docs.map((d) => d.id).sort()).toEqual([ALICE.uid, CLARA.uid]);
  });

  it("a shopper cannot read a store's members", async () => {
    await assertSucceeds(getDoc(doc(asOperator(rules.env, ALICE), memberPath(STORE_A, ALICE.uid))));
    const shopper = asShopper(rules.env, SHOPPER_1);
    await assertFails(getDoc(doc(shopper, memberPath(STORE_A, ALICE.uid))));
    await assertFails(getDocs(collection(shopper, membersPath(STORE_A))));
  });

  it("nobody signed out can read a store's members", async () => {
    await assertSucceeds(getDocs(collection(asOperator(rules.env, ALICE), membersPath(STORE_A))));
    const nobody = asNobody(rules.env);
    await assertFails(getDoc(doc(nobody, memberPath(STORE_A, ALICE.uid))));
    await assertFails(getDocs(collection(nobody, membersPath(STORE_A))));
  });

  it('an operator cannot read the members of another store', async () => {
    const bruno = asOperator(rules.env, BRUNO);
    await assertSucceeds(getDocs(collection(bruno, membersPath(STORE_B))));
    await assertFails(getDoc(doc(bruno, memberPath(STORE_A, ALICE.uid))));
    await assertFails(getDocs(collection(bruno, membersPath(STORE_A))));
  });

  it('an operator cannot add, change or remove members from a client (functions do)', async () => {
    const alice = asOperator(rules.env, ALICE);
    await assertSucceeds(getDoc(doc(alice, memberPath(STORE_A, ALICE.uid))));
    await assertFails(setDoc(doc(alice, memberPath(STORE_A, CLARA.uid)), CLARA));
    await assertFails(updateDoc(doc(alice, memberPath(STORE_A, ALICE.uid)), { role: 'operator' }));
    await assertFails(
      updateDoc(doc(alice, memberPath(STORE_A, ALICE.uid)), { displayName: 'Bruno' }),
    );
    await assertFails(deleteDoc(doc(alice, memberPath(STORE_A, ALICE.uid))));
  });

  it('an operator of another store cannot make themselves a member of this one', async () => {
    const bruno = asOperator(rules.env, BRUNO);
    await assertSucceeds(getDoc(doc(bruno, memberPath(STORE_B, BRUNO.uid))));
    await assertFails(setDoc(doc(bruno, memberPath(STORE_A, BRUNO.uid)), BRUNO));
  });

  it('a shopper cannot make themselves a member of a store', async () => {
    const shopper = asShopper(rules.env, SHOPPER_1);
    const self: Member = { uid: SHOPPER_1, role: 'owner', displayName: 'Me', email: 'me@x.test' };
    await assertSucceeds(getDocs(collection(asOperator(rules.env, ALICE), membersPath(STORE_A))));
    await assertFails(setDoc(doc(shopper, memberPath(STORE_A, SHOPPER_1)), self));
    await assertFails(getDocs(collection(shopper, membersPath(STORE_A))));
  });
});
