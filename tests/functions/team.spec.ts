import { createHash } from 'node:crypto';
import { getFirestore, Timestamp } from 'firebase-admin/firestore';
import { createUserWithEmailAndPassword } from 'firebase/auth';
import { addDoc, collection, doc, getDoc, serverTimestamp } from 'firebase/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  invitationPath,
  invitationsPath,
  memberPath,
  messagesPath,
  presencePath,
  storePath,
  type Invitation,
  type Member,
} from '@comptoir/core';
import { seedMerchant, seedStore } from '../../scripts/lib/seed.mjs';
import {
  call,
  eventually,
  HOSTING,
  merchantFor,
  operatorClient,
  outbox,
  refusal,
  shopperClient,
  uniqueStoreId,
  webClient,
  type Client,
  type Merchant,
} from '../support/emulators';

// The delivery function itself, run from the test process against the same emulator, to
// deliver one invitation again while the trigger already has, as a repeated trigger would.
process.env.SENDGRID_API_KEY ??= 'SG.local-emulator-key';
process.env.SENDGRID_API_URL ??= 'http://127.0.0.1:8025';
process.env.CONSOLE_URL ??= HOSTING;
const { deliverInvitation } = await import('../../functions/src/email/deliverInvitation');

const storeId = uniqueStoreId('team');
const owner = merchantFor(storeId, 'Camille');
const operator: Merchant = {
  email: `operator-${storeId}@comptoir.test`,
  password: 'operator-password',
  displayName: 'Bruno',
};
const clients: Client[] = [];
let ownerClient: Client & { uid: string };
let operatorClient_: Client & { uid: string };

beforeAll(async () => {
  await seedStore(storeId);
  await seedMerchant(storeId, owner);
  await seedMerchant(storeId, operator, 'operator');
  ownerClient = await operatorClient(owner);
  operatorClient_ = await operatorClient(operator);
  clients.push(ownerClient, operatorClient_);
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
});

const db = () => getFirestore();
let invitees = 0;
/** An address nobody else in the run uses. */
const newInviteeEmail = () => `invitee-${++invitees}-${storeId}@comptoir.test`;

const invite = (email: string, displayName?: string) =>
  call<{ invitationId: string }>(ownerClient, 'inviteOperator', { storeId, email, displayName });

const invitation = async (id: string) =>
  (await db().doc(invitationPath(storeId, id)).get()).data() as Invitation;

const mailsTo = async (email: string) => (await outbox()).filter((m) => m.to.includes(email));

/** Invites, waits for the email, and returns the invitation id and the link's token. */
async function invited(email: string, displayName?: string) {
  const { invitationId } = await invite(email, displayName);
  const [mail] = await eventually(
    () => mailsTo(email),
    (list) => list.length > 0,
  );
  const link = /Join the team: (\S+)/.exec(mail!.text)![1]!;
  return { invitationId, link, token: new URL(link).searchParams.get('token')! };
}

/** A fresh email/password account, as the Join page creates one. */
async function account(email: string) {
  const client = webClient();
  clients.push(client);
  const { user } = await createUserWithEmailAndPassword(client.auth, email, 'invitee-password');
  return { ...client, uid: user.uid };
}

const accept = (client: Client, token: string, displayName?: string) =>
  call<{ storeId: string }>(client, 'acceptInvitation', { storeId, token, displayName });

describe('inviting an operator (inviteOperator)', () => {
  it('only the owner can invite: an operator and a shopper are refused, and nothing is created', async () => {
    const email = newInviteeEmail();
    expect(
      await refusal(call(operatorClient_, 'inviteOperator', { storeId, email })),
    ).toMatchObject({ status: 'functions/permission-denied', code: 'owner-only' });
    const shopper = await shopperClient();
    clients.push(shopper);
    expect(await refusal(call(shopper, 'inviteOperator', { storeId, email }))).toMatchObject({
      status: 'functions/permission-denied',
      code: 'not-a-member',
    });
    const stored = await db()
      .collection(invitationsPath(storeId))
      .where('email', '==', email)
      .get();
    expect(stored.size).toBe(0);
  });

  it('a bad email or name is refused field by field', async () => {
    const refused = await refusal(
      call(ownerClient, 'inviteOperator', { storeId, email: 'bruno@', displayName: 'B\nruno' }),
    );
    expect(refused).toMatchObject({ status: 'functions/invalid-argument', code: 'invalid-fields' });
    expect(refused.details?.fields).toEqual({
      email: expect.stringContaining('does not look right'),
      displayName: expect.stringContaining('one line'),
    });
  });

  it('sends exactly one email, whose link opens the Join page with a token stored only as its hash', async () => {
    const email = newInviteeEmail();
    const { invitationId, link, token } = await invited(email, 'Dora');
    expect(link).toBe(`${HOSTING}/join?store=${storeId}&token=${token}`);
    const [mail] = await mailsTo(email);
    expect(mail).toMatchObject({
      subject: 'Camille invited you to the Maison Lumière team',
      replyTo: owner.email,
    });
    expect(mail!.text).toContain('Hello Dora,');

    const stored = await eventually(
      () => invitation(invitationId),
      (i) => i.mail.state === 'sent',
    );
    expect(stored).toMatchObject({
      email,
      displayName: 'Dora',
      state: 'pending',
      tokenHash: createHash('sha256').update(token).digest('hex'),
      invitedBy: { displayName: 'Camille', email: owner.email },
      mail: { state: 'sent', attempts: 1 },
    });
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored.expiresAt.toMillis() - stored.createdAt.toMillis()).toBe(7 * 24 * 3600 * 1000);

    // The trigger delivered again, even all at once, sends nothing more.
    const again = await Promise.all([1, 2, 3].map(() => deliverInvitation(storeId, invitationId)));
    expect(again).toEqual(['skipped', 'skipped', 'skipped']);
    expect(await mailsTo(email)).toHaveLength(1);

    // The link is the console's Join page, and the token is recognised there.
    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('id="app"');
    const anonymous = webClient();
    clients.push(anonymous);
    expect(await call(anonymous, 'previewInvitation', { storeId, token })).toMatchObject({
      storeName: 'Maison Lumière',
      email,
      displayName: 'Dora',
      invitedByName: 'Camille',
    });
  });

  it('refuses an email that already has a pending invitation, or that is already a member’s', async () => {
    const email = newInviteeEmail();
    await invite(email);
    expect(await refusal(invite(email.toUpperCase()))).toMatchObject({
      status: 'functions/already-exists',
      code: 'already-invited',
      details: { fields: { email: expect.stringContaining('already has a pending invitation') } },
    });
    expect(await refusal(invite(operator.email.toUpperCase()))).toMatchObject({
      code: 'already-member',
      message: expect.stringContaining(`${operator.email} is already a member of this store.`),
    });
    const stored = await db()
      .collection(invitationsPath(storeId))
      .where('email', '==', email)
      .get();
    expect(stored.size).toBe(1);
  });
});

describe('accepting an invitation (acceptInvitation)', () => {
  it('with the invited account (any letter case), the invitee becomes an operator and the link is used up', async () => {
    const email = newInviteeEmail();
    const { invitationId, token } = await invited(email, 'Dora');
    const dora = await account(email.toUpperCase());
    expect(await refusal(getDoc(doc(dora.db, storePath(storeId))))).toMatchObject({
      status: 'permission-denied',
    });

    expect(await accept(dora, token)).toEqual({ storeId });
    const member = (await db().doc(memberPath(storeId, dora.uid)).get()).data() as Member;
    expect(member).toEqual({ uid: dora.uid, role: 'operator', displayName: 'Dora', email });
    expect(await invitation(invitationId)).toMatchObject({
      state: 'accepted',
      acceptedBy: dora.uid,
    });
    // A member now: the store's documents open to them.
    expect((await getDoc(doc(dora.db, storePath(storeId)))).get('name')).toBe('Maison Lumière');

    // Single use: the same link refused, to them and to anyone else.
    expect(await refusal(accept(dora, token))).toMatchObject({
      status: 'functions/failed-precondition',
      code: 'invitation-used',
    });
    const other = await account(newInviteeEmail());
    expect(await refusal(accept(other, token))).toMatchObject({ code: 'invitation-used' });
    expect(await refusal(call(other, 'previewInvitation', { storeId, token }))).toMatchObject({
      code: 'invitation-used',
    });
  });

  it('the invitee’s own choice of name wins over the owner’s suggestion', async () => {
    const email = newInviteeEmail();
    const { token } = await invited(email, 'Eve');
    const eve = await account(email);
    await accept(eve, token, '  Ève D. ');
    expect((await db().doc(memberPath(storeId, eve.uid)).get()).get('displayName')).toBe('Ève D.');
  });

  it('with another account, it is refused as the wrong account, and the invitation stays pending', async () => {
    const email = newInviteeEmail();
    const { invitationId, token } = await invited(email, 'Finn');
    const intruder = await account(newInviteeEmail());
    const refused = await refusal(accept(intruder, token));
    expect(refused).toMatchObject({ status: 'functions/permission-denied', code: 'wrong-account' });
    expect(refused.message).toContain(`This invitation is for ${email}`);
    expect((await invitation(invitationId)).state).toBe('pending');
    expect((await db().doc(memberPath(storeId, intruder.uid)).get()).exists).toBe(false);
    // An anonymous shopper has no email to match.
    const shopper = await shopperClient();
    clients.push(shopper);
    expect(await refusal(accept(shopper, token))).toMatchObject({
      code: 'email-account-required',
    });
  });

  it('an expired link is refused, and a new invitation to the same email replaces it', async () => {
    const email = newInviteeEmail();
    const { invitationId, token } = await invited(email, 'Gus');
    await db()
      .doc(invitationPath(storeId, invitationId))
      .update({ expiresAt: Timestamp.fromMillis(Date.now() - 1000) });
    const gus = await account(email);
    const refused = await refusal(accept(gus, token));
    expect(refused).toMatchObject({
      status: 'functions/failed-precondition',
      code: 'invitation-expired',
    });
    expect(refused.message).toMatch(
      /This invitation expired on .+\. Ask Camille to send a new one\./,
    );

    await invite(email);
    expect((await invitation(invitationId)).state).toBe('expired');
    expect(await refusal(accept(gus, token))).toMatchObject({
      code: 'invitation-expired',
      message: expect.stringContaining(
        'A newer invitation replaced this one. Use the link in the latest email.',
      ),
    });
  });

  it('a revoked link is refused; only the owner can revoke', async () => {
    const email = newInviteeEmail();
    const { invitationId, token } = await invited(email);
    expect(
      await refusal(call(operatorClient_, 'revokeInvitation', { storeId, invitationId })),
    ).toMatchObject({ code: 'owner-only' });
    expect((await invitation(invitationId)).state).toBe('pending');
    await call(ownerClient, 'revokeInvitation', { storeId, invitationId });
    expect((await invitation(invitationId)).state).toBe('revoked');
    const hal = await account(email);
    expect(await refusal(accept(hal, token, 'Hal'))).toMatchObject({
      status: 'functions/failed-precondition',
      code: 'invitation-revoked',
    });
    // The email is free to be invited again.
    await invite(email);
  });

  it('a token nobody issued is refused as not found; a malformed one as invalid', async () => {
    const someone = await account(newInviteeEmail());
    expect(await refusal(accept(someone, 'x'.repeat(43)))).toMatchObject({
      status: 'functions/not-found',
      code: 'invitation-not-found',
    });
    expect(await refusal(accept(someone, 'short'))).toMatchObject({
      status: 'functions/invalid-argument',
      code: 'invalid-token',
    });
  });
});

describe('removing a member (removeMember)', () => {
  it('the owner removes an operator: their access and their presence end at once', async () => {
    const ivy: Merchant = {
      email: `ivy-${storeId}@comptoir.test`,
      password: 'ivy-password',
      displayName: 'Ivy',
    };
    await seedMerchant(storeId, ivy, 'operator');
    const client = await operatorClient(ivy);
    clients.push(client);
    await call(client, 'setOperatorStatus', { storeId, online: true });
    expect((await getDoc(doc(client.db, storePath(storeId)))).exists()).toBe(true);

    // An operator cannot remove anyone.
    expect(
      await refusal(call(operatorClient_, 'removeMember', { storeId, uid: client.uid })),
    ).toMatchObject({ code: 'owner-only' });

    await call(ownerClient, 'removeMember', { storeId, uid: client.uid });
    expect((await db().doc(memberPath(storeId, client.uid)).get()).exists).toBe(false);
    expect((await db().doc(presencePath(storeId, client.uid)).get()).exists).toBe(false);
    expect(await refusal(getDoc(doc(client.db, storePath(storeId))))).toMatchObject({
      status: 'permission-denied',
    });
    expect(
      await refusal(call(client, 'setOperatorStatus', { storeId, online: true })),
    ).toMatchObject({ code: 'not-a-member' });
  });

  it('the owner cannot remove themselves nor another owner', async () => {
    expect(
      await refusal(call(ownerClient, 'removeMember', { storeId, uid: ownerClient.uid })),
    ).toMatchObject({ status: 'functions/failed-precondition', code: 'cannot-remove-self' });
    const coOwner = merchantFor(`${storeId}-co`, 'Jade');
    const coOwnerUid = await seedMerchant(storeId, coOwner, 'owner');
    expect(
      await refusal(call(ownerClient, 'removeMember', { storeId, uid: coOwnerUid })),
    ).toMatchObject({ code: 'cannot-remove-owner' });
    expect((await db().doc(memberPath(storeId, coOwnerUid)).get()).exists).toBe(true);
    expect(
      await refusal(call(ownerClient, 'removeMember', { storeId, uid: 'nobody-here' })),
    ).toMatchObject({ status: 'functions/not-found', code: 'member-not-found' });
  });
});

describe('an operator’s own name (updateMemberProfile)', () => {
  it('replies after the change carry the new name; replies before keep the old one', async () => {
    await call(ownerClient, 'setOperatorStatus', { storeId, online: true });
    const shopper = await shopperClient();
    clients.push(shopper);
    const { conversationId } = await call<{ conversationId: string }>(
      shopper,
      'startConversation',
      { storeId },
    );
    const messages = collection(operatorClient_.db, messagesPath(storeId, conversationId));
    const reply = (authorName: string, text: string) =>
      addDoc(messages, {
        author: 'operator',
        authorUid: operatorClient_.uid,
        authorName,
        text,
        createdAt: serverTimestamp(),
      });
    const before = await reply('Bruno', 'Hello, Bruno here.');

    expect(
      await call(operatorClient_, 'updateMemberProfile', { storeId, displayName: '  Bruno M. ' }),
    ).toEqual({ displayName: 'Bruno M.' });
    expect(
      (await db().doc(memberPath(storeId, operatorClient_.uid)).get()).get('displayName'),
    ).toBe('Bruno M.');

    // The rules now hold replies to the new name.
    expect(await refusal(reply('Bruno', 'Still the old name?'))).toMatchObject({
      status: 'permission-denied',
    });
    const after = await reply('Bruno M.', 'New name, same Bruno.');
    const read = async (id: string) =>
      (
        await db()
          .doc(`${messagesPath(storeId, conversationId)}/${id}`)
          .get()
      ).get('authorName');
    expect(await read(before.id)).toBe('Bruno');
    expect(await read(after.id)).toBe('Bruno M.');
  });

  it('an empty, too long or multi-line name is refused with a message saying why', async () => {
    for (const [displayName, message] of [
      ['   ', 'Enter a name.'],
      ['x'.repeat(41), 'A name can be at most 40 characters (this one has 41).'],
      ['Bruno\nM.', 'A name must be on one line, without tabs or special characters.'],
    ]) {
      expect(
        await refusal(call(operatorClient_, 'updateMemberProfile', { storeId, displayName })),
      ).toMatchObject({
        status: 'functions/invalid-argument',
        code: 'invalid-display-name',
        message: expect.stringContaining(message!),
      });
    }
  });

  it('only a member can change their name in a store', async () => {
    const shopper = await shopperClient();
    clients.push(shopper);
    expect(
      await refusal(call(shopper, 'updateMemberProfile', { storeId, displayName: 'Mallory' })),
    ).toMatchObject({ status: 'functions/permission-denied', code: 'not-a-member' });
  });
});
