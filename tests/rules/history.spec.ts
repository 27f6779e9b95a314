import { describe, expect, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import {
  collection,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  limit,
  orderBy,
  query,
  setDoc,
  updateDoc,
  where,
} from 'firebase/firestore';
import { guestHistoryRowId, historyPath, historyRowPath, type HistoryRow } from '@comptoir/core';
import { rowWithConversation } from '../../functions/src/domain/history';
import {
  ALICE,
  BRUNO,
  CONV_1_ARCHIVED,
  PAST,
  SHOPPER_1,
  STORE_A,
  STORE_B,
  asNobody,
  asOperator,
  asShopper,
  conversationData,
  seedDoc,
  useRulesEnv,
} from './setup';

/** Shopper 1's archived conversation in store A, as the archiving function files it. */
const ROW_ID = guestHistoryRowId(CONV_1_ARCHIVED);
const row: HistoryRow = rowWithConversation(
  undefined,
  {
    conversationId: CONV_1_ARCHIVED,
    conversation: conversationData(SHOPPER_1, 'archived', 4),
    messageTexts: ['Hello'],
    lastShopperMessage: { text: 'Hello', at: PAST },
  },
  PAST,
);

const rules = useRulesEnv((env) => seedDoc(env, historyRowPath(STORE_A, ROW_ID), row));

const rowOf = (db: ReturnType<typeof asNobody>) => doc(db, historyRowPath(STORE_A, ROW_ID));

describe('stores/{storeId}/history: archived conversations', () => {
  it("an operator can read and search their store's history the way the History page does", async () => {
    const alice = asOperator(rules.env, ALICE);
    const read = await assertSucceeds(getDoc(rowOf(alice)));
    expect(read.data()?.displayName).toBe('Visitor 4');
    const found = await assertSucceeds(
      getDocs(
        query(
          collection(alice, historyPath(STORE_A)),
          where('keywords', 'array-contains', 'hello'),
          orderBy('lastMessageAt', 'desc'),
          limit(21),
        ),
      ),
    );
    expect(found.docs.map((d) => d.id)).toEqual([ROW_ID]);
  });

  it('a shopper cannot read the history, not even the row of their own conversation', async () => {
    await assertSucceeds(getDoc(rowOf(asOperator(rules.env, ALICE))));
    const shopper = asShopper(rules.env, SHOPPER_1);
    await assertFails(getDoc(rowOf(shopper)));
    await assertFails(getDocs(collection(shopper, historyPath(STORE_A))));
  });

  it('nobody signed out can read the history', async () => {
    await assertSucceeds(getDoc(rowOf(asOperator(rules.env, ALICE))));
    await assertFails(getDoc(rowOf(asNobody(rules.env))));
  });

  it("an operator cannot read another store's history", async () => {
    const bruno = asOperator(rules.env, BRUNO);
    await assertSucceeds(getDocs(collection(bruno, historyPath(STORE_B))));
    await assertFails(getDoc(rowOf(bruno)));
    await assertFails(getDocs(collection(bruno, historyPath(STORE_A))));
  });

  it('no client writes history, not even a member: only the functions archive and delete', async () => {
    const alice = asOperator(rules.env, ALICE);
    await assertSucceeds(getDoc(rowOf(alice)));
    await assertFails(updateDoc(rowOf(alice), { displayName: 'Someone else' }));
    await assertFails(deleteDoc(rowOf(alice)));
    await assertFails(setDoc(doc(alice, historyRowPath(STORE_A, 'guest-forged')), row));
    await assertFails(
      setDoc(doc(asShopper(rules.env, SHOPPER_1), historyRowPath(STORE_A, 'guest-x')), row),
    );
  });
});
