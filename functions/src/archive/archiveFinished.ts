/**
 * Archives a store's finished conversations: each becomes `archived` and joins its history
 * row (its customer's, or its own for a guest). Messages stay where they are, so nothing
 * can be lost on the way.
 *
 * Batch by batch: one query for up to `batchSize` finished conversations, their messages
 * read for search words, then ONE transaction that re-reads the conversations, skips any
 * that are no longer finished (reopened meanwhile), and writes the statuses and rows
 * together. A run stopped between batches (a crash, a timeout, `maxBatches`) leaves every
 * conversation either finished and rowless or archived and in its row; the next run
 * simply queries what is still finished. A row lists its conversation ids, so adding one
 * twice only refreshes its entry (checked inside the transaction).
 */
import type { QueryDocumentSnapshot } from 'firebase-admin/firestore';
import { Timestamp } from 'firebase-admin/firestore';
import type { Conversation, HistoryRow } from '@comptoir/core';
import {
  ARCHIVE_BATCH_SIZE,
  ARCHIVE_MAX_BATCHES,
  ARCHIVE_MESSAGES_READ,
  ARCHIVE_TIME_BUDGET_MS,
} from '../config';
import { conversationRef, conversationsRef, historyRowRef, messagesRef } from '../data/refs';
import { runContendedTransaction } from '../data/transactions';
import {
  historyRowIdOf,
  lastShopperMessageOf,
  rowWithConversation,
  type ArchiveEntry,
} from '../domain/history';

export interface ArchiveOptions {
  /** Conversations per transaction. */
  batchSize?: number;
  /** Stop after this many batches (the rest waits for the next run). */
  maxBatches?: number;
  /** Start no new batch after this long. */
  timeBudgetMs?: number;
}

export interface ArchiveResult {
  /** Conversations archived by this run. */
  archived: number;
  /** True when no finished conversation was left (false: stopped early, resume later). */
  complete: boolean;
}

/** Reads that fan out per conversation run this many at a time. */
const PARALLEL_READS = 10;

/** Archives every finished conversation of the store, within the given bounds. */
export async function archiveFinished(
  storeId: string,
  {
    batchSize = ARCHIVE_BATCH_SIZE,
    maxBatches = ARCHIVE_MAX_BATCHES,
    timeBudgetMs = ARCHIVE_TIME_BUDGET_MS,
  }: ArchiveOptions = {},
): Promise<ArchiveResult> {
  const deadline = Date.now() + timeBudgetMs;
  let archived = 0;
  for (let batch = 0; batch < maxBatches && Date.now() < deadline; batch++) {
    const finished = await conversationsRef(storeId)
      .where('status', '==', 'finished')
      .limit(batchSize)
      .get();
    if (finished.empty) return { archived, complete: true };
    const entries = await inParallel(finished.docs, (doc) => entryOf(storeId, doc));
    archived += await archiveBatch(storeId, entries);
  }
  return { archived, complete: false };
}

/** What the row needs from a conversation's messages, read outside the transaction. */
async function entryOf(
  storeId: string,
  doc: QueryDocumentSnapshot<Conversation>,
): Promise<ArchiveEntry> {
  const messages = await messagesRef(storeId, doc.id)
    .orderBy('createdAt', 'desc')
    .limit(ARCHIVE_MESSAGES_READ)
    .get();
  const newestFirst = messages.docs.map((m) => m.data());
  return {
    conversationId: doc.id,
    conversation: doc.data(),
    messageTexts: newestFirst.map((m) => m.text),
    lastShopperMessage: lastShopperMessageOf(newestFirst),
  };
}

/** One transaction: the batch's conversations archived and their rows written together. */
function archiveBatch(storeId: string, entries: ArchiveEntry[]): Promise<number> {
  return runContendedTransaction(async (tx) => {
    const current = await tx.getAll(
      ...entries.map((e) => conversationRef(storeId, e.conversationId)),
    );
    // Still finished, and no message since the read above (else its words would be stale:
    // it is left for the next batch, which reads it again).
    const ready = entries.flatMap((entry, i) => {
      const conversation = current[i]?.data();
      return conversation?.status === 'finished' &&
        conversation.lastMessageId === entry.conversation.lastMessageId
        ? [{ ...entry, conversation }]
        : [];
    });
    if (ready.length === 0) return 0;

    const rowIds = [...new Set(ready.map((e) => historyRowIdOf(e.conversationId, e.conversation)))];
    const rowDocs = await tx.getAll(...rowIds.map((id) => historyRowRef(storeId, id)));
    const rows = new Map<string, HistoryRow | undefined>(
      rowIds.map((id, i) => [id, rowDocs[i]?.data()]),
    );
    const now = Timestamp.now();
    for (const entry of ready) {
      const rowId = historyRowIdOf(entry.conversationId, entry.conversation);
      rows.set(rowId, rowWithConversation(rows.get(rowId), entry, now));
      tx.update(conversationRef(storeId, entry.conversationId), {
        status: 'archived',
        archivedAt: now,
      });
    }
    for (const [rowId, row] of rows) tx.set(historyRowRef(storeId, rowId), row!);
    return ready.length;
  });
}

/** Maps over `items`, at most PARALLEL_READS at a time, keeping their order. */
async function inParallel<T, R>(items: readonly T[], map: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await map(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_READS, items.length) }, worker));
  return results;
}
