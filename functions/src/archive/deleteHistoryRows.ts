/**
 * Deletes history rows for good: each row's conversations with all their messages, then
 * the row. The row goes last, so a run stopped half-way leaves it listing what is still
 * to delete, and running again finishes the job; rows or conversations already gone are
 * simply skipped (deleting twice is harmless).
 */
import { db } from '../config';
import { conversationRef, historyRowRef, messagesRef } from '../data/refs';

export interface DeleteHistoryResult {
  rows: number;
  conversations: number;
  messages: number;
}

/** Messages per delete batch (a batch takes at most 500 writes). */
const MESSAGES_PER_BATCH = 400;
/** Rows deleted side by side. */
const PARALLEL_ROWS = 5;

/** Deletes the rows, their conversations and their messages. */
export async function deleteHistoryRows(
  storeId: string,
  rowIds: readonly string[],
): Promise<DeleteHistoryResult> {
  const total: DeleteHistoryResult = { rows: 0, conversations: 0, messages: 0 };
  const queue = [...rowIds];
  const worker = async () => {
    for (let rowId = queue.shift(); rowId !== undefined; rowId = queue.shift()) {
      const result = await deleteRow(storeId, rowId);
      total.rows += result.rows;
      total.conversations += result.conversations;
      total.messages += result.messages;
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_ROWS, rowIds.length) }, worker));
  return total;
}

async function deleteRow(storeId: string, rowId: string): Promise<DeleteHistoryResult> {
  const result: DeleteHistoryResult = { rows: 0, conversations: 0, messages: 0 };
  const done = new Set<string>();
  const ref = historyRowRef(storeId, rowId);
  for (;;) {
    const row = (await ref.get()).data();
    if (!row) return result;
    for (const conversationId of row.conversationIds) {
      if (done.has(conversationId)) continue;
      const deleted = await deleteArchivedConversation(storeId, conversationId);
      result.messages += deleted.messages;
      result.conversations += deleted.conversation ? 1 : 0;
      done.add(conversationId);
    }
    // A customer's conversation archived meanwhile joined the row: deleting the row now
    // would leave it archived with no row. Go round again for it instead.
    const removed = await db.runTransaction(async (tx) => {
      const current = (await tx.get(ref)).data();
      if (!current) return true;
      if (current.conversationIds.some((id) => !done.has(id))) return false;
      tx.delete(ref);
      return true;
    });
    if (removed) {
      result.rows = 1;
      return result;
    }
  }
}

/**
 * Deletes an archived conversation and its messages. One that is no longer archived (a
 * later feature may reopen it) is a live chat again, not history: it is left alone.
 */
async function deleteArchivedConversation(storeId: string, conversationId: string) {
  const ref = conversationRef(storeId, conversationId);
  const before = (await ref.get()).data();
  if (before && before.status !== 'archived') return { messages: 0, conversation: false };

  let messages = 0;
  for (;;) {
    const page = await messagesRef(storeId, conversationId).limit(MESSAGES_PER_BATCH).get();
    if (page.empty) break;
    const batch = db.batch();
    for (const doc of page.docs) batch.delete(doc.ref);
    await batch.commit();
    messages += page.size;
  }
  const conversation = await db.runTransaction(async (tx) => {
    const current = (await tx.get(ref)).data();
    if (current?.status !== 'archived') return false;
    tx.delete(ref);
    return true;
  });
  return { messages, conversation };
}
