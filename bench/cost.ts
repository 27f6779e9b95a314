/**
 * Cost, counted: Firestore reads and writes and function invocations for one conversation
 * start and for each message of a live chat. The parties do what the apps do:
 *  - the shopper's widget listens to its thread and its conversation, beats once when the
 *    conversation starts, and marks operator replies seen (widget/src/chat/main.ts);
 *  - two operators' consoles keep the Ongoing and Finished lists; operator A has the chat
 *    open (a thread listener) and marks it read whenever its unread count rises
 *    (admin-app ChatWindow.vue), operator B only watches the lists.
 * Counts come from counters.ts: functions (instrumented workers), rules (the emulator's
 * coverage report) and the clients below.
 */
import {
  collection,
  doc,
  limit,
  orderBy,
  query,
  serverTimestamp,
  updateDoc,
  where,
  type Unsubscribe,
} from 'firebase/firestore';
import { conversationPath, conversationsPath, messagesPath } from '@comptoir/core';
import {
  newMessageRef,
  openStore,
  operatorMessage,
  shopperMessage,
  signInShoppers,
  startConversation,
} from './clients';
import { ClientMeter, CostProbe, functionCounts, type Cost } from './counters';
import { round } from './stats';
import { sleep, until } from './wait';

const MESSAGES = 20; // 10 each way

/** Waits until the functions have been idle for `quietMs` (triggers run after the write). */
async function settle(quietMs = 1500) {
  let last = JSON.stringify(functionCounts());
  let quietSince = Date.now();
  while (Date.now() - quietSince < quietMs) {
    await sleep(100);
    const now = JSON.stringify(functionCounts());
    if (now !== last) {
      last = now;
      quietSince = Date.now();
    }
  }
}

export async function measureCost() {
  const { storeId, operators } = await openStore('cost', 5, 2);
  const [a, b] = operators as [(typeof operators)[0], (typeof operators)[0]];
  const [shopper] = await signInShoppers(1);
  const meters = { shopper: new ClientMeter(), a: new ClientMeter(), b: new ClientMeter() };
  const probe = new CostProbe(Object.values(meters));
  const stops: Unsubscribe[] = [];

  // The consoles' two lists, as admin-app/src/data/conversations.ts queries them.
  const lists = new Map<string, Map<string, Record<string, unknown>>>();
  for (const [name, op] of [
    ['a', a],
    ['b', b],
  ] as const) {
    const ongoing = new Map<string, Record<string, unknown>>();
    lists.set(name, ongoing);
    const ref = collection(op.db, conversationsPath(storeId));
    stops.push(
      meters[name].watchQuery(
        query(ref, where('status', '==', 'ongoing'), orderBy('lastMessageAt', 'desc')),
        (s) => {
          ongoing.clear();
          for (const d of s.docs) ongoing.set(d.id, d.data());
        },
      ),
      meters[name].watchQuery(
        query(ref, where('status', '==', 'finished'), orderBy('lastMessageAt', 'desc'), limit(50)),
        () => undefined,
      ),
    );
  }
  await settle();

  // ---- one conversation start ---------------------------------------------------------
  const beforeStart = await probe.take();
  const conversationId = await startConversation(shopper!, storeId);
  let thread: { id: string; author: string }[] = [];
  let shopperView: Record<string, unknown> | undefined;
  stops.push(
    meters.shopper.watchQuery(
      query(collection(shopper!.db, messagesPath(storeId, conversationId)), orderBy('createdAt')),
      (s) => (thread = s.docs.map((d) => ({ id: d.id, author: String(d.get('author')) }))),
    ),
    meters.shopper.watchDoc(doc(shopper!.db, conversationPath(storeId, conversationId)), (s) => {
      shopperView = s.data();
    }),
  );
  await meters.shopper.write(() =>
    updateDoc(doc(shopper!.db, conversationPath(storeId, conversationId)), {
      shopperSeenAt: serverTimestamp(),
    }),
  );
  await until(
    () => [...lists.values()].every((l) => l.has(conversationId)) && shopperView !== undefined,
    'the consoles to list the new conversation',
  );
  await settle();
  const start = await probe.since(beforeStart);

  // ---- operator A opens the chat window (not counted: neither a start nor a message) ----
  const seenByA = new Set<string>();
  stops.push(
    meters.a.watchQuery(
      query(collection(a.db, messagesPath(storeId, conversationId)), orderBy('createdAt', 'asc')),
      (s) => s.docs.forEach((d) => seenByA.add(d.id)),
    ),
  );
  // The open window marks the conversation read whenever its unread count rises.
  let marking = false;
  const markRead = async () => {
    const unread = Number(lists.get('a')!.get(conversationId)?.unreadByOperator ?? 0);
    if (unread === 0 || marking) return;
    marking = true;
    await meters.a
      .write(() =>
        updateDoc(doc(a.db, conversationPath(storeId, conversationId)), {
          unreadByOperator: 0,
          operatorReadAt: serverTimestamp(),
        }),
      )
      .finally(() => (marking = false));
  };
  const markTimer = setInterval(() => void markRead(), 20);
  // The open widget marks operator replies seen.
  let seenMark = 0;
  const markSeen = async () => {
    const replies = thread.filter((m) => m.author === 'operator').length;
    if (replies <= seenMark) return;
    seenMark = replies;
    await meters.shopper.write(() =>
      updateDoc(doc(shopper!.db, conversationPath(storeId, conversationId)), {
        shopperReadAt: serverTimestamp(),
      }),
    );
  };
  const seenTimer = setInterval(() => void markSeen(), 20);
  await settle();

  // ---- a live chat: 10 messages each way --------------------------------------------
  const beforeMessages = await probe.take();
  let lastId = '';
  for (let i = 0; i < MESSAGES; i++) {
    if (i % 2 === 0) {
      const ref = newMessageRef(shopper!, storeId, conversationId);
      await meters.shopper.write(() => shopperMessage(ref, shopper!, `question ${i}`));
      lastId = ref.id;
      await until(() => seenByA.has(ref.id), 'operator A to see the message');
    } else {
      const ref = newMessageRef(a, storeId, conversationId);
      await meters.a.write(() => operatorMessage(ref, a, `answer ${i}`));
      lastId = ref.id;
      await until(() => thread.some((m) => m.id === ref.id), 'the shopper to see the reply');
    }
  }
  await until(
    () => lists.get('a')!.get(conversationId)?.lastMessageId === lastId,
    'the summary trigger to catch up',
  );
  await settle(2000);
  const messages = await probe.since(beforeMessages);
  clearInterval(markTimer);
  clearInterval(seenTimer);
  stops.forEach((stop) => stop());

  const per = (cost: Cost, n: number) => ({
    reads: round(cost.reads / n, 2),
    writes: round(cost.writes / n, 2),
    invocations: round(cost.invocations / n, 2),
    rulesReads: round(cost.rulesReads / n, 2),
    functionReads: round(cost.functionReads / n, 2),
    functionWrites: round(cost.functionWrites / n, 2),
  });
  const perMessage = per(messages, MESSAGES);
  return {
    readsPerMessage: perMessage.reads,
    writesPerMessage: perMessage.writes,
    functionInvocationsPerMessage: perMessage.invocations,
    readsPerConversationStart: start.reads,
    writesPerConversationStart: start.writes,
    functionInvocationsPerConversationStart: start.invocations,
    costDetail: {
      scenario: '1 shopper (chat open), operator A (chat window open), operator B (lists only)',
      perMessage,
      perConversationStart: start,
      messages: MESSAGES,
    },
  };
}
