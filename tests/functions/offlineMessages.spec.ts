import { getFirestore, Timestamp } from 'firebase-admin/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offlineMessagesPath } from '@comptoir/core';
import { DEMO_SETTINGS, seedStore } from '../../scripts/lib/seed.mjs';
import {
  call,
  eventually,
  outbox,
  refusal,
  shopperClient,
  uniqueStoreId,
  type Client,
} from '../support/emulators';

// The delivery function itself, run from the test process against the same emulator,
// to deliver one message several times at once as a duplicated trigger would.
process.env.SENDGRID_API_KEY ??= 'SG.local-emulator-key';
process.env.SENDGRID_API_URL ??= 'http://127.0.0.1:8025';
const { deliverOfflineMessage } = await import('../../functions/src/email/deliverOfflineMessage');

const clients: Client[] = [];
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
});

async function shopper() {
  const s = await shopperClient();
  clients.push(s);
  return s;
}

const messages = async (storeId: string) =>
  (await getFirestore().collection(offlineMessagesPath(storeId)).get()).docs.map((d) => d.data());

const mailsTo = async (address: string, subjectPart: string) =>
  (await outbox()).filter((m) => m.to.includes(address) && m.subject.includes(subjectPart));

describe('the offline contact form (submitOfflineMessage)', () => {
  const storeId = uniqueStoreId('form');
  const notificationEmail = `${storeId}@merchant.test`;

  beforeAll(async () => {
    await seedStore(storeId, undefined, { notificationEmail });
  });

  it('a valid message is stored and emailed to the merchant with reply-to set to the shopper', async () => {
    const s = await shopper();
    await call(s, 'submitOfflineMessage', {
      storeId,
      fields: { firstName: 'Ada', email: 'ada@example.com', message: 'Do you ship to Belgium?' },
      website: '',
      language: 'en',
    });
    const [mail] = await eventually(
      () => mailsTo(notificationEmail, 'Ada'),
      (list) => list.length > 0,
    );
    expect(mail).toMatchObject({
      from: DEMO_SETTINGS.senderEmail,
      replyTo: 'ada@example.com',
      subject: expect.stringContaining('New message from Ada'),
    });
    expect(mail!.text).toContain('Do you ship to Belgium?');
    expect(mail!.text).toContain('Email: ada@example.com');
    const stored = await eventually(
      () => messages(storeId),
      (list) => list.some((m) => m.email.state === 'sent'),
    );
    expect(stored.find((m) => m.fields.firstName === 'Ada')).toMatchObject({
      read: false,
      shopperUid: s.uid,
      email: { state: 'sent', attempts: 1 },
    });
  });

  it('without the shopper’s email the mail comes from the store’s sender, with no reply-to', async () => {
    const storeId2 = uniqueStoreId('noemail');
    const to = `${storeId2}@merchant.test`;
    await seedStore(storeId2, undefined, {
      notificationEmail: to,
      contactFields: {
        firstName: { requested: true, required: true },
        lastName: { requested: false, required: false },
        email: { requested: false, required: false },
        phone: { requested: true, required: true },
        message: { requested: true, required: true },
      },
    });
    const s = await shopper();
    await call(s, 'submitOfflineMessage', {
      storeId: storeId2,
      fields: { firstName: 'Bruno', phone: '+33 6 12 34 56 78', message: 'Call me back please' },
    });
    const [mail] = await eventually(
      () => mailsTo(to, 'Bruno'),
      (list) => list.length > 0,
    );
    expect(mail).toMatchObject({ from: DEMO_SETTINGS.senderEmail, replyTo: null });
    expect(mail!.text).toContain('Phone: +33 6 12 34 56 78');
  });

  it('each invalid field is refused with its own message, and nothing is stored', async () => {
    const storeId3 = uniqueStoreId('invalid');
    await seedStore(storeId3);
    const s = await shopper();
    const refused = await refusal(
      call(s, 'submitOfflineMessage', {
        storeId: storeId3,
        fields: { email: 'not-an-email', phone: 'call me', message: '   ' },
      }),
    );
    expect(refused).toMatchObject({ status: 'functions/invalid-argument', code: 'invalid-fields' });
    expect(refused.details?.fields).toEqual({
      email: expect.stringMatching(/email address does not look right/),
      phone: expect.stringMatching(/phone number does not look right/),
      message: 'Please enter your message.',
    });
    expect(await messages(storeId3)).toHaveLength(0);
  });

  it('a filled honeypot is answered like a success, and nothing is stored or sent', async () => {
    const storeId4 = uniqueStoreId('honeypot');
    await seedStore(storeId4);
    const s = await shopper();
    await expect(
      call(s, 'submitOfflineMessage', {
        storeId: storeId4,
        fields: { email: 'bot@spam.test', message: 'Cheap watches' },
        website: 'http://spam.test',
      }),
    ).resolves.toEqual({ ok: true });
    expect(await messages(storeId4)).toHaveLength(0);
  });

  it('a fourth message from the same shopper within ten minutes is refused as too many', async () => {
    const storeId5 = uniqueStoreId('spam');
    await seedStore(storeId5);
    const s = await shopper();
    const send = (n: number) =>
      call(s, 'submitOfflineMessage', {
        storeId: storeId5,
        fields: { email: 'eve@example.com', message: `Message ${n}` },
      });
    for (const n of [1, 2, 3]) await send(n);
    const refused = await refusal(send(4));
    expect(refused).toMatchObject({
      status: 'functions/resource-exhausted',
      code: 'too-many-messages',
    });
    expect(refused.message).toMatch(/try again in \d+ minutes?/);
    expect(await messages(storeId5)).toHaveLength(3);
  });

  it('a store with offline mode off takes no messages', async () => {
    const storeId6 = uniqueStoreId('nomode');
    await seedStore(storeId6, undefined, { offlineMode: false });
    const s = await shopper();
    expect(
      await refusal(
        call(s, 'submitOfflineMessage', {
          storeId: storeId6,
          fields: { email: 'a@example.com', message: 'hello' },
        }),
      ),
    ).toMatchObject({ status: 'functions/failed-precondition', code: 'offline-form-disabled' });
  });
});

describe('notification email delivery', () => {
  it('is sent exactly once when the trigger and two duplicate deliveries run at the same time', async () => {
    const storeId = uniqueStoreId('once');
    const to = `${storeId}@merchant.test`;
    await seedStore(storeId, undefined, { notificationEmail: to });
    const ref = getFirestore().collection(offlineMessagesPath(storeId)).doc();
    // Creating the document fires the real trigger; the two direct calls duplicate it.
    await ref.set({
      fields: { firstName: 'Zoé', email: 'zoe@example.com', message: 'Once only, please' },
      language: 'fr',
      shopperUid: 'shopper-zoe',
      createdAt: Timestamp.now(),
      read: false,
      email: { state: 'pending', attempts: 0, leaseExpiresAt: null, sentAt: null, error: null },
    });
    const outcomes = await Promise.all([
      deliverOfflineMessage(storeId, ref.id),
      deliverOfflineMessage(storeId, ref.id),
    ]);
    await eventually(
      async () => (await ref.get()).get('email.state'),
      (state) => state === 'sent',
    );
    // Give a late trigger delivery time to (wrongly) send again before counting.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await mailsTo(to, 'Zoé')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'sent').length).toBeLessThanOrEqual(1);
    expect((await ref.get()).get('email.attempts')).toBe(1);
  });
});
