/**
 * Faults, made for real: a Firestore trigger delivered again (Eventarc delivers at least
 * once), the archive killed with SIGKILL in the middle of a run, and the emulator's data
 * exported and loaded into a second emulator.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getFirestore, Timestamp } from 'firebase-admin/firestore';
import { addDoc, collection, serverTimestamp } from 'firebase/firestore';
import { afterAll, describe, expect, it } from 'vitest';
import {
  conversationPath,
  conversationsPath,
  historyPath,
  invitationPath,
  messagesPath,
  offlineMessagesPath,
  type Conversation,
  type HistoryRow,
} from '@comptoir/core';
import { identitySecretOf } from '../../scripts/lib/seed.mjs';
import { chat, conversationOf, identifyAs, type ChatStore } from '../support/chats';
import {
  call,
  closeClients,
  eventually,
  newShopper,
  openStore,
  outbox,
  sweepNow,
} from '../support/emulators';
import {
  archiveProcess,
  collectionGroup,
  documentTree,
  exportEmulatorData,
  redeliverCreated,
  startSeededFirestore,
  type SecondFirestore,
} from '../support/faults';

afterAll(closeClients);

const db = () => getFirestore();
const mailsTo = async (address: string) => (await outbox()).filter((m) => m.to.includes(address));
/** Long enough for a late (wrong) second email to reach the sink before counting. */
const settle = () => new Promise((r) => setTimeout(r, 1500));

async function chatStore(prefix: string, settings: Record<string, unknown> = {}) {
  const { storeId, merchant, operator } = await openStore(prefix, settings);
  const store: ChatStore = {
    storeId,
    operator,
    operatorName: merchant.displayName,
    secret: await identitySecretOf(storeId),
  };
  return { ...store, owner: operator, merchant };
}

describe('faults: a trigger delivered twice sends one email', () => {
  it('an offline message: the real trigger and the same event delivered twice more send one email to the merchant', async () => {
    const { storeId } = await chatStore('fault-offline');
    const to = `${storeId}@comptoir.test`;
    await db().doc(`stores/${storeId}`).update({ notificationEmail: to });
    const shopper = await newShopper();
    await call(shopper, 'submitOfflineMessage', {
      storeId,
      fields: { firstName: 'Zoé', email: 'zoe@example.com', message: 'Once only, please' },
      website: '',
      language: 'fr',
    });
    const [message] = (await db().collection(offlineMessagesPath(storeId)).get()).docs;
    const path = `${offlineMessagesPath(storeId)}/${message!.id}`;
    // Redelivered while the real trigger runs, then once more after it has sent.
    await Promise.all([
      redeliverCreated('onOfflineMessageCreated', path, `redelivery-${message!.id}`),
      redeliverCreated('onOfflineMessageCreated', path, `redelivery-${message!.id}`),
    ]);
    await eventually(
      async () => (await message!.ref.get()).get('email.state'),
      (state) => state === 'sent',
    );
    await redeliverCreated('onOfflineMessageCreated', path, `redelivery-${message!.id}`);
    await settle();
    const mails = await mailsTo(to);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain('Once only, please');
    expect((await message!.ref.get()).get('email')).toMatchObject({ state: 'sent', attempts: 1 });
  });

  it('an operator reply to a shopper who left: redelivered message events queue it once and one email goes out; the unread count is not doubled', async () => {
    const store = await chatStore('fault-reply');
    const { storeId } = store;
    const shopper = await newShopper();
    const { conversationId } = await call<{ conversationId: string }>(
      shopper,
      'startConversation',
      { storeId, pageUrl: 'http://127.0.0.1:5099/product.html?id=opaline' },
    );
    const question = await addDoc(collection(shopper.db, messagesPath(storeId, conversationId)), {
      author: 'shopper',
      authorUid: shopper.uid,
      text: 'Do you ship the Opaline lamp to Belgium?',
      createdAt: serverTimestamp(),
    });
    const questionPath = `${messagesPath(storeId, conversationId)}/${question.id}`;
    await Promise.all([
      redeliverCreated('onMessageCreated', questionPath, `redelivery-${question.id}`),
      redeliverCreated('onMessageCreated', questionPath, `redelivery-${question.id}`),
    ]);
    const summarised = await eventually(
      () => conversationOf(storeId, conversationId),
      (c) => c?.lastMessageId === question.id,
    );
    expect(summarised?.unreadByOperator).toBe(1);

    const email = `${storeId}@shopper.test`;
    await call(shopper, 'setShopperContact', { storeId, email, name: 'Léa' });
    await db().doc(conversationPath(storeId, conversationId)).update({
      shopperLeftAt: Timestamp.now(),
    });
    const reply = await addDoc(
      collection(store.operator.db, messagesPath(storeId, conversationId)),
      {
        author: 'operator',
        authorUid: store.operator.uid,
        authorName: store.operatorName,
        text: 'Yes, in three days.',
        createdAt: serverTimestamp(),
      },
    );
    const replyPath = `${messagesPath(storeId, conversationId)}/${reply.id}`;
    await Promise.all([
      redeliverCreated('onMessageCreated', replyPath, `redelivery-${reply.id}`),
      redeliverCreated('onMessageCreated', replyPath, `redelivery-${reply.id}`),
    ]);
    await eventually(
      async () => (await db().doc(replyPath).get()).get('emailQueuedAt'),
      (queuedAt) => Boolean(queuedAt),
    );
    const later = Date.now() + 61_000;
    await sweepNow(later);
    await redeliverCreated('onMessageCreated', replyPath, `redelivery-${reply.id}`);
    await sweepNow(later);
    await settle();
    const mails = await mailsTo(email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain('Yes, in three days.');
  });

  it('an invitation: the same event delivered twice more sends one email, and its link still works', async () => {
    const { storeId, owner } = await chatStore('fault-invite');
    const email = `invitee-${storeId}@comptoir.test`;
    const { invitationId } = await call<{ invitationId: string }>(owner, 'inviteOperator', {
      storeId,
      email,
      displayName: 'Dora',
    });
    const path = invitationPath(storeId, invitationId);
    await Promise.all([
      redeliverCreated('onInvitationCreated', path, `redelivery-${invitationId}`),
      redeliverCreated('onInvitationCreated', path, `redelivery-${invitationId}`),
    ]);
    await eventually(
      async () => (await db().doc(path).get()).get('mail.state'),
      (state) => state === 'sent',
    );
    await redeliverCreated('onInvitationCreated', path, `redelivery-${invitationId}`);
    await settle();
    const mails = await mailsTo(email);
    expect(mails).toHaveLength(1);
    // The token in the one email is the one the invitation still accepts.
    const token = new URL(/Join the team: (\S+)/.exec(mails[0]!.text)![1]!).searchParams.get(
      'token',
    );
    const preview = await call<{ email: string }>(await newShopper(), 'previewInvitation', {
      storeId,
      token,
    });
    expect(preview).toMatchObject({ email });
  });
});

describe('faults: archiving killed half-way', () => {
  async function finishedChats(store: ChatStore) {
    const customer = { id: 'cust-42', name: 'Ada Lovelace', email: 'ada@example.com' };
    const adaChats: string[] = [];
    for (let i = 0; i < 3; i++) {
      // A new device each time: the same browser would reopen its finished conversation.
      const ada = await newShopper();
      await identifyAs(store, ada, customer);
      adaChats.push(await chat(store, ada, [`Visit ${i}: where is my order?`]));
    }
    const guests: string[] = [];
    for (let i = 0; i < 9; i++) {
      guests.push(await chat(store, await newShopper(), [`Guest ${i} asks`, 'and again']));
    }
    const ongoing = await chat(store, await newShopper(), ['Still here'], { end: false });
    return { adaChats, guests, ongoing };
  }

  const archivedCount = async (storeId: string) =>
    (await db().collection(conversationsPath(storeId)).where('status', '==', 'archived').get())
      .size;

  /** Starts the archive in its own process and SIGKILLs it once history has grown. */
  async function killMidRun(storeId: string) {
    const rowsBefore = (await db().collection(historyPath(storeId)).get()).size;
    const child = await archiveProcess(storeId, 1);
    const exited = new Promise<NodeJS.Signals | number | null>((r) =>
      child.on('exit', (code, signal) => r(signal ?? code)),
    );
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d));
    const grown = new Promise<void>((resolve) => {
      const stop = db()
        .collection(historyPath(storeId))
        .onSnapshot((snapshot) => {
          if (snapshot.size > rowsBefore) {
            child.kill('SIGKILL');
            stop();
            resolve();
          }
        });
    });
    await Promise.race([grown, exited]);
    const ended = await exited;
    expect(ended, `the archive should have been killed, not ended: ${stderr}`).toBe('SIGKILL');
  }

  it('killed by SIGKILL after its first writes, twice, then run again: every finished conversation is archived exactly once and no message is lost', async () => {
    const store = await chatStore('fault-archive', { maxConcurrentChats: 20 });
    const { storeId } = store;
    const { adaChats, guests, ongoing } = await finishedChats(store);
    const finished = [...adaChats, ...guests];
    const ownMessages = async () =>
      [...(await collectionGroup('messages')).keys()].filter((p) =>
        p.startsWith(`stores/${storeId}/`),
      );
    const ownBefore = (await ownMessages()).sort();
    // Three lines per guest chat, two per other chat (plus any automatic responses).
    expect(ownBefore.length).toBeGreaterThanOrEqual(9 * 3 + 4 * 2);

    await killMidRun(storeId);
    const afterFirstKill = await archivedCount(storeId);
    expect(afterFirstKill).toBeGreaterThan(0);
    expect(afterFirstKill).toBeLessThan(finished.length);
    await killMidRun(storeId);
    const afterSecondKill = await archivedCount(storeId);
    expect(afterSecondKill).toBeGreaterThan(afterFirstKill);
    expect(afterSecondKill).toBeLessThan(finished.length);

    // The next run (here the operator going offline) picks up what is still finished.
    await call(store.operator, 'setOperatorStatus', { storeId, online: false });

    const statuses = new Map(
      (await db().collection(conversationsPath(storeId)).get()).docs.map((d) => [
        d.id,
        (d.data() as Conversation).status,
      ]),
    );
    for (const id of finished) expect(statuses.get(id), id).toBe('archived');
    expect(statuses.get(ongoing)).toBe('ongoing');

    const rows = (await db().collection(historyPath(storeId)).get()).docs.map(
      (d) => d.data() as HistoryRow,
    );
    expect(rows).toHaveLength(1 + guests.length);
    const listed = rows.flatMap((r) => r.conversationIds);
    expect(listed.sort()).toEqual([...finished].sort());
    for (const row of rows) {
      expect(row.conversations.map((c) => c.conversationId)).toEqual(row.conversationIds);
    }
    const ada = rows.find((r) => r.kind === 'customer')!;
    expect(ada.conversationIds).toEqual(adaChats);

    // Messages never move: every one is where it was, and nothing was added.
    expect((await ownMessages()).sort()).toEqual(ownBefore);
  }, 180_000);
});

describe('faults: emulator data exported and imported again', () => {
  let second: SecondFirestore | undefined;
  const exportDir = mkdtempSync(join(tmpdir(), 'comptoir-export-'));
  afterAll(async () => {
    await second?.stop();
    rmSync(exportDir, { recursive: true, force: true });
  });

  it('a second emulator seeded from the export has every conversation, message, history row and offline message, field for field', async () => {
    const store = await chatStore('fault-export');
    const { storeId } = store;
    const ada = await newShopper();
    await identifyAs(store, ada, { id: 'cust-7', name: 'Ada Lovelace', email: 'ada@example.com' });
    await chat(store, ada, ['My order #A-1042 has not arrived', 'It was due Monday']);
    await chat(store, await newShopper(), ['Is the brass lamp in stock?']);
    const ongoing = await chat(store, await newShopper(), ['Still deciding'], { end: false });
    // Finished chats go to history; the ongoing one stays live.
    await call(store.operator, 'setOperatorStatus', { storeId, online: false });
    for (const name of ['Zoé', 'Bruno']) {
      await call(await newShopper(), 'submitOfflineMessage', {
        storeId,
        fields: { firstName: name, email: 'someone@example.com', message: `From ${name}` },
        website: '',
        language: 'en',
      });
    }
    await eventually(
      async () =>
        (await db().collection(offlineMessagesPath(storeId)).get()).docs.map((d) =>
          d.get('email.state'),
        ),
      (states) => states.length === 2 && states.every((s) => s === 'sent'),
    );

    const original = await documentTree(`stores/${storeId}`);
    const kinds = [...original.keys()].map((p) => p.split('/').at(-2));
    expect(kinds.filter((k) => k === 'conversations')).toHaveLength(3);
    expect(kinds.filter((k) => k === 'messages').length).toBeGreaterThanOrEqual(7);
    expect(kinds.filter((k) => k === 'history')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'offlineMessages')).toHaveLength(2);
    expect(original.get(conversationPath(storeId, ongoing))?.fields).toBeDefined();

    const exportedAt = new Date();
    await exportEmulatorData(exportDir);
    const conversationsAll = await collectionGroup('conversations');
    const messagesAll = await collectionGroup('messages');
    second = await startSeededFirestore(exportDir);

    // This store: every document under it, value for value (types included).
    const copy = await documentTree(`stores/${storeId}`, second.url);
    expect([...copy.keys()].sort()).toEqual([...original.keys()].sort());
    for (const [path, doc] of original) expect(copy.get(path)?.fields, path).toEqual(doc.fields);

    // And the whole database's conversations and messages, from every suite so far, except
    // any a trigger still touched after the export began.
    for (const [name, before, after] of [
      ['conversations', conversationsAll, await collectionGroup('conversations', second.url)],
      ['messages', messagesAll, await collectionGroup('messages', second.url)],
    ] as const) {
      const settled = [...before].filter(([, d]) => new Date(d.updateTime) < exportedAt);
      expect(settled.length, name).toBeGreaterThan(0);
      for (const [path, doc] of settled) expect(after.get(path)?.fields, path).toEqual(doc.fields);
      expect(after.size, name).toBeGreaterThanOrEqual(settled.length);
    }
  }, 180_000);
});
