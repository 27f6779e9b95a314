import { describe, expect, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import {
  collection,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  query,
  setDoc,
  updateDoc,
  where,
} from 'firebase/firestore';
import { invitationPath, invitationsPath, memberPath, type Member } from '@comptoir/core';
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

/** An operator (not the owner) of store A. */
const CLARA: Member = {
  uid: 'operator-clara',
  role: 'operator',
  displayName: 'Clara',
  email: 'clara@store-a.test',
};

const INVITE = 'invite-dora';
const invitation = {
  email: 'dora@store-a.test',
  displayName: 'Dora',
  role: 'operator',
  state: 'pending',
  tokenHash: 'a'.repeat(64),
  invitedBy: { uid: ALICE.uid, displayName: ALICE.displayName, email: ALICE.email },
  createdAt: PAST,
  expiresAt: PAST,
  acceptedAt: null,
  acceptedBy: null,
  revokedAt: null,
  mail: { state: 'sent', attempts: 1, leaseExpiresAt: null, sentAt: PAST, error: null },
};

const rules = useRulesEnv(async (env) => {
  await seedDoc(env, memberPath(STORE_A, CLARA.uid), CLARA);
  await seedDoc(env, invitationPath(STORE_A, INVITE), invitation);
});

describe('stores/{storeId}/invitations: who was invited to the team', () => {
  it('the owner and the operators of the store see its pending invitations', async () => {
    for (const member of [ALICE, CLARA]) {
      const db = asOperator(rules.env, member);
      const one = await assertSucceeds(getDoc(doc(db, invitationPath(STORE_A, INVITE))));
      expect(one.data()?.email).toBe('dora@store-a.test');
      const pending = await assertSucceeds(
        getDocs(query(collection(db, invitationsPath(STORE_A)), where('state', '==', 'pending'))),
      );
      expect(pending.docs.map((d) => d.id)).toEqual([INVITE]);
    }
  });

  it('an operator of another store cannot see them', async () => {
    await assertSucceeds(
      getDocs(collection(asOperator(rules.env, ALICE), invitationsPath(STORE_A))),
    );
    const bruno = asOperator(rules.env, BRUNO);
    await assertFails(getDoc(doc(bruno, invitationPath(STORE_A, INVITE))));
    await assertFails(getDocs(collection(bruno, invitationsPath(STORE_A))));
  });

  it('a shopper and a signed-out visitor cannot see them (the Join page asks a function)', async () => {
    await assertSucceeds(
      getDoc(doc(asOperator(rules.env, CLARA), invitationPath(STORE_A, INVITE))),
    );
    for (const db of [asShopper(rules.env, SHOPPER_1), asNobody(rules.env)]) {
      await assertFails(getDoc(doc(db, invitationPath(STORE_A, INVITE))));
      await assertFails(getDocs(collection(db, invitationsPath(STORE_A))));
    }
  });

  it('even the owner cannot create, accept, revoke or delete one from a client', async () => {
    const alice = asOperator(rules.env, ALICE);
    await assertSucceeds(getDoc(doc(alice, invitationPath(STORE_A, INVITE))));
    await assertFails(setDoc(doc(alice, invitationPath(STORE_A, 'another')), invitation));
    await assertFails(updateDoc(doc(alice, invitationPath(STORE_A, INVITE)), { state: 'revoked' }));
    await assertFails(deleteDoc(doc(alice, invitationPath(STORE_A, INVITE))));
  });

  it('an invitee cannot accept by writing: not the invitation, nor a member document', async () => {
    const dora: Member = {
      uid: 'dora',
      role: 'operator',
      displayName: 'Dora',
      email: invitation.email,
    };
    const asDora = asOperator(rules.env, dora);
    // What they may do instead: nothing here until acceptInvitation made them a member.
    await assertSucceeds(getDoc(doc(asOperator(rules.env, ALICE), memberPath(STORE_A, ALICE.uid))));
    await assertFails(
      updateDoc(doc(asDora, invitationPath(STORE_A, INVITE)), {
        state: 'accepted',
        acceptedBy: 'dora',
      }),
    );
    await assertFails(setDoc(doc(asDora, memberPath(STORE_A, dora.uid)), dora));
  });
});
