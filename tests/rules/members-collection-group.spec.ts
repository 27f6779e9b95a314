import { describe, expect, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { collectionGroup, getDocs, query, where, type Firestore } from 'firebase/firestore';
import { memberPath } from '@comptoir/core';
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

const STORE_C = 'store-c';

const rules = useRulesEnv(async (env) => {
  // Alice also operates a third store; Bruno is a member there too.
  await seedDoc(env, memberPath(STORE_C, ALICE.uid), { ...ALICE, role: 'operator' });
  await seedDoc(env, memberPath(STORE_C, BRUNO.uid), BRUNO);
});

/** What the console runs after sign-in to find the operator's stores. */
const membershipsOf = (db: Firestore, uid: string) =>
  getDocs(query(collectionGroup(db, 'members'), where('uid', '==', uid)));

const storesOf = (docs: { ref: { path: string } }[]) =>
  docs.map((d) => d.ref.path.split('/')[1]).sort();

describe('members collection group: which stores an operator belongs to', () => {
  it('an operator finds only their own memberships with a collection-group query', async () => {
    const alice = await assertSucceeds(membershipsOf(asOperator(rules.env, ALICE), ALICE.uid));
    expect(storesOf(alice.docs)).toEqual([STORE_A, STORE_C]);
    const bruno = await assertSucceeds(membershipsOf(asOperator(rules.env, BRUNO), BRUNO.uid));
    expect(storesOf(bruno.docs)).toEqual([STORE_B, STORE_C]);
  });

  it("an operator cannot look up another operator's memberships", async () => {
    const alice = asOperator(rules.env, ALICE);
    await assertSucceeds(membershipsOf(alice, ALICE.uid));
    await assertFails(membershipsOf(alice, BRUNO.uid));
  });

  it('an operator cannot list every membership across stores', async () => {
    const alice = asOperator(rules.env, ALICE);
    await assertSucceeds(membershipsOf(alice, ALICE.uid));
    await assertFails(getDocs(collectionGroup(alice, 'members')));
    await assertFails(
      getDocs(query(collectionGroup(alice, 'members'), where('role', '==', 'owner'))),
    );
  });

  it('a shopper finds no memberships and cannot look up an operator', async () => {
    const shopper = asShopper(rules.env, SHOPPER_1);
    const own = await assertSucceeds(membershipsOf(shopper, SHOPPER_1));
    expect(own.empty).toBe(true);
    await assertFails(membershipsOf(shopper, ALICE.uid));
  });

  it('nobody signed out can query memberships', async () => {
    await assertSucceeds(membershipsOf(asOperator(rules.env, ALICE), ALICE.uid));
    await assertFails(membershipsOf(asNobody(rules.env), ALICE.uid));
    await assertFails(getDocs(collectionGroup(asNobody(rules.env), 'members')));
  });
});
