import { describe, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import {
  addDoc,
  collection,
  deleteDoc,
  doc,
  getDocs,
  serverTimestamp,
  setDoc,
  updateDoc,
} from 'firebase/firestore';
import { savedRepliesPath, savedReplyPath } from '@comptoir/core';
import {
  ALICE,
  BRUNO,
  PAST,
  SHOPPER_1,
  STORE_A,
  asNobody,
  asOperator,
  asShopper,
  seedDoc,
  useRulesEnv,
} from './setup';

const REPLY = 'delivery';
const rules = useRulesEnv((env) =>
  seedDoc(env, savedReplyPath(STORE_A, REPLY), {
    title: 'Delivery',
    text: 'We ship in 2 days.',
    updatedAt: PAST,
  }),
);

const valid = () => ({ title: 'Returns', text: 'Returns are free.', updatedAt: serverTimestamp() });

describe('stores/{storeId}/savedReplies: canned answers', () => {
  it("an operator reads their store's saved replies; shoppers and other stores' operators cannot", async () => {
    await assertSucceeds(
      getDocs(collection(asOperator(rules.env, ALICE), savedRepliesPath(STORE_A))),
    );
    await assertFails(getDocs(collection(asOperator(rules.env, BRUNO), savedRepliesPath(STORE_A))));
    await assertFails(
      getDocs(collection(asShopper(rules.env, SHOPPER_1), savedRepliesPath(STORE_A))),
    );
    await assertFails(getDocs(collection(asNobody(rules.env), savedRepliesPath(STORE_A))));
  });

  it('an operator adds a reply with a title, a text and the server time; nobody else can', async () => {
    const alice = asOperator(rules.env, ALICE);
    await assertSucceeds(addDoc(collection(alice, savedRepliesPath(STORE_A)), valid()));
    await assertFails(
      addDoc(collection(asOperator(rules.env, BRUNO), savedRepliesPath(STORE_A)), valid()),
    );
    await assertFails(
      addDoc(collection(asShopper(rules.env, SHOPPER_1), savedRepliesPath(STORE_A)), valid()),
    );
  });

  it('a reply must be well formed: sizes, exact keys and the server time', async () => {
    const replies = collection(asOperator(rules.env, ALICE), savedRepliesPath(STORE_A));
    await assertSucceeds(addDoc(replies, valid()));
    await assertFails(addDoc(replies, { ...valid(), title: '' }));
    await assertFails(addDoc(replies, { ...valid(), title: 'x'.repeat(61) }));
    await assertFails(addDoc(replies, { ...valid(), text: '' }));
    await assertFails(addDoc(replies, { ...valid(), text: 'x'.repeat(2001) }));
    await assertFails(addDoc(replies, { ...valid(), updatedAt: PAST }));
    await assertFails(addDoc(replies, { ...valid(), author: 'someone' }));
  });

  it('an operator edits and deletes a reply of their store; another store’s operator cannot', async () => {
    const alice = doc(asOperator(rules.env, ALICE), savedReplyPath(STORE_A, REPLY));
    const bruno = doc(asOperator(rules.env, BRUNO), savedReplyPath(STORE_A, REPLY));
    await assertFails(updateDoc(bruno, { text: 'Hijacked', updatedAt: serverTimestamp() }));
    await assertFails(deleteDoc(bruno));
    await assertSucceeds(
      updateDoc(alice, { text: 'We ship in 1 day.', updatedAt: serverTimestamp() }),
    );
    await assertFails(setDoc(alice, { title: 'Delivery', text: 'Kept old time', updatedAt: PAST }));
    await assertSucceeds(deleteDoc(alice));
  });
});
