/**
 * The history (`stores/{storeId}/history/{rowId}`): archived conversations, one row per
 * verified customer or per guest chat. Functions write the rows; the console pages through
 * them, opens their conversations' messages, and deletes rows through `deleteHistory`.
 */
import { httpsCallable } from 'firebase/functions';
import {
  collection,
  getDocs,
  limit,
  onSnapshot,
  orderBy,
  query,
  startAfter,
  where,
  type FirestoreError,
  type QueryConstraint,
  type QueryDocumentSnapshot,
  type QuerySnapshot,
} from 'firebase/firestore';
import { historyPath, historySearchKey, type HistoryRow } from '@comptoir/core';
import { db, functions } from '../firebase';
import { withId, type WithId } from './converter';
import { messagesQuery, type MessageDoc } from './messages';

export type HistoryRowDoc = WithId<HistoryRow>;
export type HistoryCursor = QueryDocumentSnapshot<HistoryRowDoc>;

const converter = withId<HistoryRow>();

/** Rows per page of the History table. */
export const HISTORY_PAGE_SIZE = 20;

export type HistorySortField = 'lastMessageAt' | 'name';
export type HistorySortDirection = 'asc' | 'desc';

export interface HistoryPageRequest {
  storeId: string;
  sort: HistorySortField;
  direction: HistorySortDirection;
  /** What the operator typed; folded into one search key (see core/src/history.ts). */
  search: string;
  /** The last row of the previous page, or null for the first page. */
  after: HistoryCursor | null;
}

export interface HistoryPage {
  rows: HistoryRowDoc[];
  /** Where the next page starts, or null on the last page. */
  next: HistoryCursor | null;
}

/**
 * One page, plus one row to know whether another page follows. A search with a sort needs
 * a composite index (keywords + the sort field, both directions: firestore.indexes.json).
 */
function pageQuery(request: HistoryPageRequest) {
  const key = historySearchKey(request.search);
  const constraints: QueryConstraint[] = [];
  if (key) constraints.push(where('keywords', 'array-contains', key));
  constraints.push(
    orderBy(request.sort === 'name' ? 'sortName' : 'lastMessageAt', request.direction),
  );
  if (request.after) constraints.push(startAfter(request.after));
  constraints.push(limit(HISTORY_PAGE_SIZE + 1));
  return query(
    collection(db, historyPath(request.storeId)).withConverter(converter),
    ...constraints,
  );
}

/**
 * How long a new page waits for the server before showing what the local cache has.
 * NOTE: the cache holds the previous page's extra row, so without this wait "Next" would
 * first show that one row alone, then the whole page a moment later.
 */
const CACHE_GRACE_MS = 1500;

/**
 * Listens to one page: a row archived or deleted while the page is open shows at once.
 * Returns the unsubscribe function.
 */
export function watchHistoryPage(
  request: HistoryPageRequest,
  onPage: (page: HistoryPage) => void,
  onError: (error: FirestoreError) => void,
): () => void {
  let heardFromServer = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deliver = (snapshot: QuerySnapshot<HistoryRowDoc>) => {
    const docs = snapshot.docs.slice(0, HISTORY_PAGE_SIZE);
    onPage({
      rows: docs.map((d) => d.data()),
      next: snapshot.docs.length > HISTORY_PAGE_SIZE ? (docs.at(-1) ?? null) : null,
    });
  };
  const unsubscribe = onSnapshot(
    pageQuery(request),
    // With metadata changes: when the server agrees with the cache, only `fromCache` flips.
    { includeMetadataChanges: true },
    (snapshot) => {
      clearTimeout(timer);
      // Offline, the cache is all there is: shown after the grace period.
      if (snapshot.metadata.fromCache && !heardFromServer) {
        timer = setTimeout(() => deliver(snapshot), CACHE_GRACE_MS);
        return;
      }
      heardFromServer = true;
      deliver(snapshot);
    },
    onError,
  );
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}

/** The messages of each of the row's conversations, in the row's order (oldest first). */
export async function loadRowMessages(
  storeId: string,
  row: HistoryRow,
): Promise<Map<string, MessageDoc[]>> {
  // Archived conversations no longer change: one read each, no listener.
  const threads = await Promise.all(
    row.conversationIds.map(async (id) => {
      const snapshot = await getDocs(messagesQuery(storeId, id));
      return [id, snapshot.docs.map((d) => d.data())] as const;
    }),
  );
  return new Map(threads);
}

const deleteHistoryFn = httpsCallable<
  { storeId: string; rowIds: string[] },
  { rows: number; conversations: number; messages: number }
>(functions, 'deleteHistory');

/** Deletes rows for good, with their conversations and every message in them. */
export async function deleteHistoryRows(storeId: string, rowIds: string[]) {
  return (await deleteHistoryFn({ storeId, rowIds })).data;
}
