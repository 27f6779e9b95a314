import { describe, expect, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { collection, deleteDoc, doc, getDoc, getDocs, setDoc, updateDoc } from 'firebase/firestore';
import { availabilityPath, publicPath, widgetSettingsPath } from '@comptoir/core';
import {
  ALICE,
  BRUNO,
  PAST,
  SHOPPER_1,
  STORE_A,
  asNobody,
  asOperator,
  asShopper,
  useRulesEnv,
} from './setup';

const rules = useRulesEnv();

describe('stores/{storeId}/public: what the widget shows before sign-in', () => {
  it("anyone can read a store's public widget settings", async () => {
    for (const db of [
      asNobody(rules.env),
      asShopper(rules.env, SHOPPER_1),
      asOperator(rules.env, ALICE),
      asOperator(rules.env, BRUNO),
    ]) {
      const widget = await assertSucceeds(getDoc(doc(db, widgetSettingsPath(STORE_A))));
      expect(widget.data()?.storeName).toBe('Store A');
    }
  });

  it("anyone can read a store's availability", async () => {
    for (const db of [asNobody(rules.env), asShopper(rules.env, SHOPPER_1)]) {
      const availability = await assertSucceeds(getDoc(doc(db, availabilityPath(STORE_A))));
      expect(availability.data()?.status).toBe('online');
    }
    await assertSucceeds(getDocs(collection(asNobody(rules.env), publicPath(STORE_A))));
  });

  it("a shopper or a passer-by cannot change a store's public settings", async () => {
    for (const db of [asNobody(rules.env), asShopper(rules.env, SHOPPER_1)]) {
      await assertSucceeds(getDoc(doc(db, widgetSettingsPath(STORE_A))));
      await assertFails(updateDoc(doc(db, widgetSettingsPath(STORE_A)), { storeName: 'Hacked' }));
      await assertFails(updateDoc(doc(db, availabilityPath(STORE_A)), { status: 'hidden' }));
      await assertFails(deleteDoc(doc(db, widgetSettingsPath(STORE_A))));
    }
  });

  it("an operator cannot change their store's public settings from a client (functions do)", async () => {
    const alice = asOperator(rules.env, ALICE);
    await assertSucceeds(getDoc(doc(alice, widgetSettingsPath(STORE_A))));
    await assertFails(
      updateDoc(doc(alice, widgetSettingsPath(STORE_A)), { 'launcher.color': '#ff0000' }),
    );
    await assertFails(
      setDoc(doc(alice, availabilityPath(STORE_A)), {
        status: 'offline',
        launcher: { position: 'bottom-left', color: '#ff0000' },
        updatedAt: PAST,
      }),
    );
    await assertFails(setDoc(doc(alice, `${publicPath(STORE_A)}/extra`), { anything: true }));
  });

  it("an operator of another store cannot change this store's public settings", async () => {
    const bruno = asOperator(rules.env, BRUNO);
    await assertSucceeds(getDoc(doc(bruno, widgetSettingsPath(STORE_A))));
    await assertFails(updateDoc(doc(bruno, widgetSettingsPath(STORE_A)), { storeName: 'Mine' }));
    await assertFails(deleteDoc(doc(bruno, availabilityPath(STORE_A))));
  });
});
