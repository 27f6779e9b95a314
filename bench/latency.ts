/**
 * Message latency, write → the other side's listener, both directions, with 20
 * conversations live; and in the same run, interleaved message by message, a bare
 * Firestore write → listener loop with the same shape (20 one-listener clients facing one
 * client with 20 listeners) but no rules, no triggers and no auth: the baseline. A third
 * loop writes the product's own messages past the rules, to tell the rules' share.
 * Clocks: one process, performance.now() on both sides.
 */
import { performance } from 'node:perf_hooks';
import {
  collection,
  doc,
  orderBy,
  query,
  serverTimestamp,
  setDoc,
  where,
  type DocumentReference,
  type Firestore,
  type Query,
} from 'firebase/firestore';
import { conversationPath, conversationsPath, messagesPath } from '@comptoir/core';
import {
  bareFirestore,
  inPool,
  newMessageRef,
  openStore,
  operatorMessage,
  shopperMessage,
  signInShoppers,
  startConversation,
} from './clients';
import { ClientMeter } from './counters';
import { round, summarize, type Summary } from './stats';

const CONVERSATIONS = 20;
const ROUNDS = 8; // 8 × 20 × 2 = 320 messages measured, as many bare ones, and as many without rules
const ARRIVAL_TIMEOUT_MS = 15_000;

type Side = 'shopper' | 'operator';

/** Arrival times of documents at each side's listeners. */
class Arrivals {
  private readonly waiting = new Map<string, (at: number) => void>();
  /** Why writes were refused (a lost message is either refused or late: this tells which). */
  readonly refusals: string[] = [];

  /** Listens to a query for one side; a document's first confirmed appearance arrives. */
  watch(meter: ClientMeter, q: Query, side: Side) {
    return meter.watchQuery(q, (snapshot) => {
      const at = performance.now();
      for (const change of snapshot.docChanges()) {
        if (change.type !== 'added' || change.doc.metadata.hasPendingWrites) continue;
        this.waiting.get(`${side}/${change.doc.id}`)?.(at);
      }
    });
  }

  /**
   * Writes, then resolves with the time from the write call to the receiving side's
   * listener; null when the write was refused or it has not arrived within 15 s (lost).
   */
  async time(ref: DocumentReference, to: Side, write: () => Promise<void>) {
    const key = `${to}/${ref.id}`;
    let giveUp = () => {};
    const arrival = new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => resolve(null), ARRIVAL_TIMEOUT_MS);
      giveUp = () => {
        clearTimeout(timer);
        resolve(null);
      };
      this.waiting.set(key, (at) => {
        clearTimeout(timer);
        resolve(at);
      });
    });
    const sent = performance.now();
    const refused = (error: unknown) => {
      this.refusals.push(String((error as Error)?.message ?? error).split('\n')[0]!);
      giveUp();
    };
    const [, at] = await Promise.all([write().catch(refused), arrival]);
    this.waiting.delete(key);
    return at === null ? null : at - sent;
  }
}

const bareMessage = (ref: DocumentReference, text: string) =>
  setDoc(ref, { text, createdAt: serverTimestamp() });

export async function measureLatency() {
  const meter = new ClientMeter(); // counts nothing here; the listeners share its code
  const arrivals = new Arrivals();
  const { storeId, operators } = await openStore('latency', CONVERSATIONS + 5);
  const operator = operators[0]!;
  const shoppers = await signInShoppers(CONVERSATIONS);
  const conversations = await inPool(shoppers, 4, (s) => startConversation(s, storeId));

  // The product side: each shopper's widget listens to its thread and conversation; the
  // operator's console keeps the Ongoing list and a thread listener per conversation.
  const stops = [
    meter.watchQuery(
      query(
        collection(operator.db, conversationsPath(storeId)),
        where('status', '==', 'ongoing'),
        orderBy('lastMessageAt', 'desc'),
      ),
      () => undefined,
    ),
  ];
  conversations.forEach((id, i) => {
    const shopper = shoppers[i]!;
    stops.push(
      arrivals.watch(
        meter,
        query(collection(shopper.db, messagesPath(storeId, id)), orderBy('createdAt')),
        'shopper',
      ),
      meter.watchDoc(doc(shopper.db, conversationPath(storeId, id)), () => undefined),
      arrivals.watch(
        meter,
        query(collection(operator.db, messagesPath(storeId, id)), orderBy('createdAt')),
        'operator',
      ),
    );
  });

  // The bare side, same shape.
  const run = storeId;
  const bareShoppers = Array.from({ length: CONVERSATIONS }, () => bareFirestore());
  const bareOperator = bareFirestore();
  const channel = (db: Firestore, i: number) =>
    collection(db, `benchBare/${run}/channels/${i}/messages`);
  bareShoppers.forEach((db, i) => {
    stops.push(
      arrivals.watch(meter, query(channel(db, i), orderBy('createdAt')), 'shopper'),
      arrivals.watch(meter, query(channel(bareOperator, i), orderBy('createdAt')), 'operator'),
    );
  });

  // Diagnosis: the product's own paths and listeners, written past the rules (triggers
  // still run). Against the product figures this isolates what the rules cost.
  const unruled = bareFirestore();
  const unruledMessage = (ref: DocumentReference, author: 'shopper' | 'operator', uid: string) =>
    setDoc(ref, { author, authorUid: uid, text: 'unruled', createdAt: serverTimestamp() });

  const t = {
    toOperator: [] as number[],
    toShopper: [] as number[],
    bareToOperator: [] as number[],
    bareToShopper: [] as number[],
    unruled: [] as number[],
  };
  let lost = 0;
  const lostBy: Record<string, number> = {};
  // Round 0 warms every client's write stream and is not counted.
  for (let round_ = 0; round_ <= ROUNDS; round_++) {
    const keep = (list: number[], ms: number | null) => {
      if (ms === null) {
        lost++;
        const loop = Object.entries(t).find(([, l]) => l === list)![0];
        lostBy[`${loop}, round ${round_}`] = (lostBy[`${loop}, round ${round_}`] ?? 0) + 1;
      } else if (round_ > 0) list.push(ms);
    };
    for (let i = 0; i < CONVERSATIONS; i++) {
      const shopper = shoppers[i]!;
      const id = conversations[i]!;
      const thread = messagesPath(storeId, id);
      let ref = newMessageRef(shopper, storeId, id);
      keep(
        t.toOperator,
        await arrivals.time(ref, 'operator', () => shopperMessage(ref, shopper, `q ${round_}`)),
      );
      ref = doc(channel(bareShoppers[i]!, i));
      keep(t.bareToOperator, await arrivals.time(ref, 'operator', () => bareMessage(ref, 'q')));
      ref = doc(collection(unruled, thread));
      keep(
        t.unruled,
        await arrivals.time(ref, 'operator', () => unruledMessage(ref, 'shopper', shopper.uid)),
      );
      ref = newMessageRef(operator, storeId, id);
      keep(
        t.toShopper,
        await arrivals.time(ref, 'shopper', () => operatorMessage(ref, operator, `a ${round_}`)),
      );
      ref = doc(channel(bareOperator, i));
      keep(t.bareToShopper, await arrivals.time(ref, 'shopper', () => bareMessage(ref, 'a')));
      ref = doc(collection(unruled, thread));
      keep(
        t.unruled,
        await arrivals.time(ref, 'shopper', () => unruledMessage(ref, 'operator', operator.uid)),
      );
    }
  }
  stops.forEach((stop) => stop());

  const both = summarize([...t.toOperator, ...t.toShopper]);
  const bare = summarize([...t.bareToOperator, ...t.bareToShopper]);
  const s2o = summarize(t.toOperator);
  const o2s = summarize(t.toShopper);
  const b2o = summarize(t.bareToOperator);
  const b2s = summarize(t.bareToShopper);
  const noRules = summarize(t.unruled);
  const ms = (v: number) => round(v, 1);
  const detail = (x: Summary) => ({
    p50: ms(x.p50),
    p95: ms(x.p95),
    max: ms(x.max),
    count: x.count,
  });
  return {
    latencyMessages: both.count,
    latencyConversations: CONVERSATIONS,
    latencyLost: lost,
    latencyLostBy: lost ? lostBy : undefined,
    latencyRefused: arrivals.refusals.length,
    latencyRefusals: arrivals.refusals.length
      ? [...new Set(arrivals.refusals)].slice(0, 3)
      : undefined,
    latencyP50Ms: ms(both.p50),
    latencyP95Ms: ms(both.p95),
    bareP50Ms: ms(bare.p50),
    bareP95Ms: ms(bare.p95),
    latencyRatioP95: round(both.p95 / bare.p95, 2),
    latencyRatioP95ShopperToOperator: round(s2o.p95 / b2o.p95, 2),
    latencyRatioP95OperatorToShopper: round(o2s.p95 / b2s.p95, 2),
    latencyDetail: {
      shopperToOperator: detail(s2o),
      operatorToShopper: detail(o2s),
      bareShopperToOperator: detail(b2o),
      bareOperatorToShopper: detail(b2s),
      productPathsWithoutRules: detail(noRules),
    },
  };
}
