/**
 * Load: 50 shoppers each write 20 messages as fast as their writes are acknowledged, all
 * at once, while 2 operators listen to every thread (and the Ongoing list) and every
 * shopper's widget listens to its own. Each operator must receive every message exactly
 * once, in send order within its conversation.
 */
import { performance } from 'node:perf_hooks';
import { collection, orderBy, query, where } from 'firebase/firestore';
import { conversationsPath, messagesPath } from '@comptoir/core';
import {
  inPool,
  newMessageRef,
  openStore,
  operatorTab,
  shopperMessage,
  signInShoppers,
  startConversation,
} from './clients';
import { ClientMeter } from './counters';
import { deliveryFaults, round, summarize } from './stats';
import { until } from './wait';

const SHOPPERS = 50;
const MESSAGES_EACH = 20;
const OPERATORS = 2;
const THREADS_PER_TAB = 10;

export async function measureLoad() {
  const meter = new ClientMeter();
  const { storeId, operators } = await openStore('load', SHOPPERS + 10, OPERATORS);
  const shoppers = await signInShoppers(SHOPPERS);
  const conversations = await inPool(shoppers, 5, (s) => startConversation(s, storeId));

  // arrivals[operator][conversation] = sequence numbers in the order they arrived
  const arrivals = operators.map(() => conversations.map(() => [] as number[]));
  const sentAt = new Map<string, number>();
  const firstArrival: number[] = [];
  const lastMessage = new Map<string, string>();
  const summaries = new Map<string, string>();
  // NOTE: each operator spreads the threads over tabs of 10: with all 50 threads on one
  // client, the Firestore emulator's gRPC listen stream breaks under this load (the client
  // reads a corrupt frame, "RESOURCE_EXHAUSTED: Received message larger than max") and the
  // SDK only resumes after a minute of backoff. See docs/performance.md.
  const tabs = await Promise.all(
    operators.map((operator) =>
      Promise.all(
        Array.from({ length: Math.ceil(SHOPPERS / THREADS_PER_TAB) }, (_, t) =>
          t === 0 ? operator : operatorTab(operator),
        ),
      ),
    ),
  );
  const stops = operators.flatMap((operator, o) => [
    meter.watchQuery(
      query(
        collection(operator.db, conversationsPath(storeId)),
        where('status', '==', 'ongoing'),
        orderBy('lastMessageAt', 'desc'),
      ),
      (s) => s.docs.forEach((d) => summaries.set(d.id, String(d.get('lastMessageId')))),
    ),
    ...conversations.map((id, c) =>
      meter.watchQuery(
        query(
          collection(tabs[o]![Math.floor(c / THREADS_PER_TAB)]!.db, messagesPath(storeId, id)),
          orderBy('createdAt'),
        ),
        (snapshot) => {
          const at = performance.now();
          for (const change of snapshot.docChanges()) {
            if (change.type !== 'added') continue;
            arrivals[o]![c]!.push(Number(change.doc.get('text').split(' ')[1]));
            const sent = sentAt.get(change.doc.id);
            if (o === 0 && sent !== undefined) firstArrival.push(at - sent);
          }
        },
      ),
    ),
  ]);
  for (const [c, id] of conversations.entries()) {
    const shopper = shoppers[c]!;
    stops.push(
      meter.watchQuery(
        query(collection(shopper.db, messagesPath(storeId, id)), orderBy('createdAt')),
        () => undefined,
      ),
    );
  }

  // A refused write is counted and the shopper goes on, as the widget shows "not sent" and
  // lets the shopper continue: the refusal itself is a finding, not a crash of the bench.
  const refusals: string[] = [];
  const started = performance.now();
  await Promise.all(
    shoppers.map(async (shopper, c) => {
      for (let seq = 0; seq < MESSAGES_EACH; seq++) {
        const ref = newMessageRef(shopper, storeId, conversations[c]!);
        sentAt.set(ref.id, performance.now());
        try {
          await shopperMessage(ref, shopper, `message ${seq}`);
          lastMessage.set(conversations[c]!, ref.id);
        } catch (error) {
          refusals.push((error as Error).message.split('\n').slice(0, 2).join(' '));
        }
      }
    }),
  );
  const sendMs = performance.now() - started;
  const sent = SHOPPERS * MESSAGES_EACH;
  const accepted = sent - refusals.length;
  const received = (o: number) => arrivals[o]!.reduce((t, list) => t + new Set(list).size, 0);
  await until(
    () => operators.every((_, o) => received(o) >= accepted),
    'every message to reach both operators',
    // A listener whose stream broke waits out the SDK's backoff (up to a minute) and resumes.
    90_000,
  ).catch(
    () => undefined, // reported below as delivered < sent
  );
  const deliveredMs = performance.now() - started;
  // The summary trigger runs after each write; how long until the inbox caught up.
  const settled = await until(
    () => conversations.every((id) => summaries.get(id) === lastMessage.get(id)),
    'the summaries',
    45_000,
  ).then(
    () => performance.now() - started,
    () => null,
  );
  stops.forEach((stop) => stop());

  let duplicates = 0;
  let outOfOrder = 0;
  const delivered = conversations.reduce((total, _, c) => {
    const everyOperator = Array.from({ length: MESSAGES_EACH }, (_, seq) => seq).filter((seq) =>
      operators.every((__, o) => arrivals[o]![c]!.includes(seq)),
    );
    return total + everyOperator.length;
  }, 0);
  for (const perOperator of arrivals) {
    for (const list of perOperator) {
      const faults = deliveryFaults(list);
      duplicates += faults.duplicates;
      outOfOrder += faults.outOfOrder;
    }
  }
  const latency = summarize(firstArrival);
  return {
    loadShoppers: SHOPPERS,
    loadMessagesEach: MESSAGES_EACH,
    loadOperators: operators.length,
    loadSent: sent,
    loadRefused: refusals.length,
    loadRefusals: refusals.length ? refusals.slice(0, 3) : undefined,
    loadDelivered: delivered,
    loadDuplicates: duplicates,
    loadOutOfOrder: outOfOrder,
    loadListenerErrors: meter.errors.length,
    loadLatencyP50Ms: round(latency.p50),
    loadLatencyP95Ms: round(latency.p95),
    loadSendSeconds: round(sendMs / 1000, 1),
    loadAllDeliveredSeconds: round(deliveredMs / 1000, 1),
    loadSummariesSettledSeconds: settled === null ? null : round(settled / 1000, 1),
  };
}
