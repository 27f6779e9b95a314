import { getFirestore, Timestamp } from 'firebase-admin/firestore';
import { addDoc, collection, getDocs, query, orderBy, serverTimestamp } from 'firebase/firestore';
import { afterAll, describe, expect, it } from 'vitest';
import { conversationPath, messagesPath, replyEmailPath } from '@comptoir/core';
import {
  call,
  closeClients,
  eventually,
  HOSTING,
  newShopper,
  openStore,
  outbox,
  refusal,
  sweepNow,
  type Client,
} from '../support/emulators';

// The queue and delivery functions themselves, run from the test process against the same
// emulator, to repeat them as a duplicated trigger or a second sweep would.
process.env.SENDGRID_API_KEY ??= 'SG.local-emulator-key';
process.env.SENDGRID_API_URL ??= 'http://127.0.0.1:8025';
const { queueReplyEmail, deliverReplyBatch } =
  await import('../../functions/src/email/replyEmails');

afterAll(closeClients);

const INBOUND = `${HOSTING}/api/inbound-email?key=local-inbound-key`;
const LATER = () => Date.now() + 61_000;

interface Chat {
  storeId: string;
  operator: Client & { uid: string };
  shopper: Client & { uid: string };
  conversationId: string;
  email: string;
}

/** A shopper asked a question, left their email, then left the store. */
async function shopperWhoLeft(prefix: string, { leave = true } = {}): Promise<Chat> {
  const { storeId, operator } = await openStore(prefix);
  const shopper = await newShopper();
  const { conversationId } = await call<{ conversationId: string }>(shopper, 'startConversation', {
    storeId,
    pageUrl: 'http://127.0.0.1:5099/product.html?id=opaline',
  });
  await addDoc(collection(shopper.db, messagesPath(storeId, conversationId)), {
    author: 'shopper',
    authorUid: shopper.uid,
    text: 'Do you ship the Opaline lamp to Belgium?',
    createdAt: serverTimestamp(),
  });
  const email = `${storeId}@shopper.test`;
  await call(shopper, 'setShopperContact', { storeId, email, name: 'Léa' });
  if (leave) {
    await getFirestore()
      .doc(conversationPath(storeId, conversationId))
      .update({ shopperLeftAt: Timestamp.now() });
  }
  return { storeId, operator, shopper, conversationId, email };
}

async function reply(chat: Chat, text: string) {
  const ref = await addDoc(
    collection(chat.operator.db, messagesPath(chat.storeId, chat.conversationId)),
    {
      author: 'operator',
      authorUid: chat.operator.uid,
      authorName: 'Camille',
      text,
      createdAt: serverTimestamp(),
    },
  );
  return ref.id;
}

const messageData = async (chat: Chat, id: string) =>
  (
    await getFirestore()
      .doc(`${messagesPath(chat.storeId, chat.conversationId)}/${id}`)
      .get()
  ).data();
const mailsTo = async (email: string) => (await outbox()).filter((m) => m.to.includes(email));
const queued = (chat: Chat, id: string) =>
  eventually(
    () => messageData(chat, id),
    (m) => Boolean(m?.emailQueuedAt),
  );

function inbound(fields: Record<string, string>, key = 'local-inbound-key') {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return fetch(INBOUND.replace('local-inbound-key', key), { method: 'POST', body: form });
}

describe('replies by email to a shopper who left', () => {
  it('replies sent close together go out as one email, with the question as context and a way back', async () => {
    const chat = await shopperWhoLeft('coalesce');
    const first = await reply(chat, 'Yes, we ship to Belgium.');
    const second = await reply(chat, 'Delivery takes 3 days.');
    await queued(chat, first);
    await queued(chat, second);
    // Not yet due: the batch waits for more replies.
    await sweepNow();
    expect(await mailsTo(chat.email)).toHaveLength(0);

    await sweepNow(LATER());
    const mails = await mailsTo(chat.email);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail!.subject).toContain('answered your message');
    expect(mail!.text).toContain('Yes, we ship to Belgium.');
    expect(mail!.text).toContain('Delivery takes 3 days.');
    expect(mail!.text).toContain('You: Do you ship the Opaline lamp to Belgium?');
    expect(mail!.replyTo).toMatch(/^.*reply\+[A-Za-z0-9_-]{43}@reply\.comptoir\.test/);
    expect(mail!.text).toMatch(
      /http:\/\/127\.0\.0\.1:5099\/product\.html\?id=opaline&comptoir_resume=[A-Za-z0-9_-]{43}/,
    );
    // The console shows which replies went out by email.
    expect((await messageData(chat, first))?.emailedAt).toBeTruthy();
    expect((await messageData(chat, second))?.emailedAt).toBeTruthy();
    await sweepNow(LATER());
    expect(await mailsTo(chat.email)).toHaveLength(1);
  });

  it('each reply is emailed once, even when the trigger is delivered again and two sweeps race', async () => {
    const chat = await shopperWhoLeft('once');
    const id = await reply(chat, 'Your parcel left this morning.');
    await queued(chat, id);
    await Promise.all([
      queueReplyEmail(chat.storeId, chat.conversationId, id),
      queueReplyEmail(chat.storeId, chat.conversationId, id),
    ]);
    const pending = await getFirestore()
      .doc(replyEmailPath(chat.storeId, chat.conversationId))
      .get();
    expect(pending.get('messageIds')).toEqual([id]);
    const outcomes = await Promise.all([
      deliverReplyBatch(chat.storeId, chat.conversationId, LATER()),
      deliverReplyBatch(chat.storeId, chat.conversationId, LATER()),
      sweepNow(LATER()).then(() => 'sweep'),
    ]);
    expect(outcomes.filter((o) => o === 'sent').length).toBeLessThanOrEqual(1);
    // A late redelivery of the trigger after sending must not queue it again.
    await queueReplyEmail(chat.storeId, chat.conversationId, id);
    await sweepNow(LATER());
    expect(await mailsTo(chat.email)).toHaveLength(1);
  });

  it('no email while the shopper is still on the store', async () => {
    const chat = await shopperWhoLeft('present', { leave: false });
    const id = await reply(chat, 'Here is the answer, live.');
    await eventually(
      async () =>
        (await getFirestore().doc(conversationPath(chat.storeId, chat.conversationId)).get()).get(
          'lastMessageId',
        ),
      (last) => last === id,
    );
    await new Promise((r) => setTimeout(r, 500));
    expect((await messageData(chat, id))?.emailQueuedAt).toBeUndefined();
    await sweepNow(LATER());
    expect(await mailsTo(chat.email)).toHaveLength(0);
  });

  it('the email is refused at the door when it does not look like an email', async () => {
    const { storeId } = await openStore('contact');
    const shopper = await newShopper();
    const refused = await refusal(call(shopper, 'setShopperContact', { storeId, email: 'lea@' }));
    expect(refused).toMatchObject({ status: 'functions/invalid-argument', code: 'invalid-fields' });
    expect(refused.details?.fields?.email).toMatch(/valid email/);
  });
});

describe('answers by email, threaded back into the conversation', () => {
  /** A chat whose reply email went out; returns its reply address and resume token. */
  async function emailedChat(prefix: string) {
    const chat = await shopperWhoLeft(prefix);
    await queued(chat, await reply(chat, 'Which colour would you like?'));
    await sweepNow(LATER());
    const [mail] = await mailsTo(chat.email);
    const replyAddress = /reply\+[A-Za-z0-9_-]{43}@reply\.comptoir\.test/.exec(mail!.replyTo!)![0];
    const resumeToken = /comptoir_resume=([A-Za-z0-9_-]{43})/.exec(mail!.text)![1]!;
    return { ...chat, replyAddress, resumeToken };
  }

  const threadOf = async (chat: Chat) =>
    (
      await getFirestore()
        .collection(messagesPath(chat.storeId, chat.conversationId))
        .orderBy('createdAt')
        .get()
    ).docs.map((d) => d.data());

  it('appends the answer without the quoted history and signature, once even if posted twice', async () => {
    const chat = await emailedChat('inbound');
    const mail = {
      to: `Maison Lumière <${chat.replyAddress}>`,
      from: `Léa <${chat.email.toUpperCase()}>`,
      subject: 'Re: Maison Lumière answered your message',
      text: 'The walnut one, please!\n\n-- \nLéa\n\nOn Sun, Nov 22, 2026 at 10:00 Maison Lumière wrote:\n> Which colour would you like?',
      headers: 'Message-ID: <abc123@mail.example>\nSubject: Re: …',
      envelope: JSON.stringify({ to: [chat.replyAddress], from: chat.email }),
    };
    const response = await inbound(mail);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, duplicate: false });
    expect(await (await inbound(mail)).json()).toEqual({ ok: true, duplicate: true });

    const thread = await threadOf(chat);
    const answers = thread.filter((m) => m.via === 'email');
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({
      author: 'shopper',
      authorUid: chat.shopper.uid,
      text: 'The walnut one, please!',
    });
    // The operators see it as a new unread shopper message.
    await eventually(
      async () =>
        (
          await getFirestore().doc(conversationPath(chat.storeId, chat.conversationId)).get()
        ).data(),
      (c) => c?.lastMessage?.text === 'The walnut one, please!' && c.unreadByOperator > 0,
    );
  });

  it('refuses forged, unmatched, misaddressed, oversized and empty mail, and appends none of it', async () => {
    const chat = await emailedChat('forged');
    const before = (await threadOf(chat)).length;
    const valid = {
      to: chat.replyAddress,
      from: chat.email,
      text: 'Hello',
      headers: 'Message-ID: <forged-1@mail.example>',
    };
    const cases: [Record<string, string>, number, string, string?][] = [
      [{ ...valid, to: `reply+${'x'.repeat(43)}@reply.comptoir.test` }, 404, 'unknown-recipient'],
      [{ ...valid, to: 'shop@maison.test' }, 404, 'unknown-recipient'],
      [{ ...valid, from: 'mallory@evil.test' }, 403, 'sender-mismatch'],
      [{ ...valid, text: '> only a quote' }, 422, 'empty-reply'],
      [{ ...valid, text: 'x'.repeat(1_100_000) }, 413, 'too-large'],
      [valid, 401, 'bad-key', 'wrong-key'],
    ];
    for (const [fields, status, code, key] of cases) {
      const response = await inbound(fields, key);
      expect({
        status: response.status,
        code: ((await response.json()) as { error: { code: string } }).error.code,
      }).toEqual({ status, code });
    }
    expect((await fetch(INBOUND)).status).toBe(405);
    expect(await threadOf(chat)).toHaveLength(before);
  });

  it('the resume link gives the whole thread to the shopper in another browser', async () => {
    const chat = await emailedChat('resume');
    await inbound({ to: chat.replyAddress, from: chat.email, text: 'Blue, please.' });
    const elsewhere = await newShopper();
    expect(
      await call(elsewhere, 'resumeConversation', {
        storeId: chat.storeId,
        token: chat.resumeToken,
      }),
    ).toEqual({ conversationId: chat.conversationId });
    const thread = await getDocs(
      query(
        collection(elsewhere.db, messagesPath(chat.storeId, chat.conversationId)),
        orderBy('createdAt'),
      ),
    );
    expect(thread.docs.map((d) => d.get('text'))).toEqual([
      'Do you ship the Opaline lamp to Belgium?',
      'Which colour would you like?',
      'Blue, please.',
    ]);
    expect(
      await refusal(
        call(elsewhere, 'resumeConversation', { storeId: chat.storeId, token: 'nope' }),
      ),
    ).toMatchObject({ status: 'functions/not-found', code: 'invalid-resume-link' });
  });
});
