/**
 * The History page's state: which page of rows, sorted and searched how, which rows are
 * selected, and deleting them. Pages follow query cursors: each page starts after the
 * last row of the one before, and "Previous" goes back to the cursor it came from.
 */
import { computed, ref, shallowRef, watch } from 'vue';
import { acceptHMRUpdate, defineStore } from 'pinia';
import type { FirestoreError } from 'firebase/firestore';
import type { HistoryRow } from '@comptoir/core';
import { describeCallableError } from '../data/callables';
import {
  deleteHistoryRows,
  loadRowMessages,
  watchHistoryPage,
  type HistoryCursor,
  type HistoryRowDoc,
  type HistorySortDirection,
  type HistorySortField,
} from '../data/history';
import { useSessionStore } from './session';

/** The direction a column sorts in when first chosen: newest first, names A to Z. */
const FIRST_DIRECTION: Record<HistorySortField, HistorySortDirection> = {
  lastMessageAt: 'desc',
  name: 'asc',
};

export const useHistoryStore = defineStore('history', () => {
  const session = useSessionStore();

  const sort = ref<HistorySortField>('lastMessageAt');
  const direction = ref<HistorySortDirection>('desc');
  const search = ref('');
  /** `cursors[i]` is the last row of page i + 1: the stack "Previous" pops. */
  const cursors = shallowRef<HistoryCursor[]>([]);
  const page = computed(() => cursors.value.length + 1);

  const rows = shallowRef<HistoryRowDoc[]>([]);
  const next = shallowRef<HistoryCursor | null>(null);
  const loading = ref(false);
  const error = ref<FirestoreError | null>(null);

  const selected = ref(new Set<string>());
  const deleting = ref(false);
  const deleteError = ref('');
  /** What the last deletion did, for a polite status line. */
  const notice = ref('');

  let listeners = 0;
  let stop: (() => void) | null = null;

  function listen() {
    stop?.();
    stop = null;
    const storeId = session.storeId;
    if (!storeId || listeners === 0) return;
    loading.value = true;
    error.value = null;
    stop = watchHistoryPage(
      {
        storeId,
        sort: sort.value,
        direction: direction.value,
        search: search.value,
        after: cursors.value.at(-1) ?? null,
      },
      (result) => {
        // The last rows of a later page were deleted: show the page before instead.
        if (result.rows.length === 0 && cursors.value.length > 0) {
          cursors.value = cursors.value.slice(0, -1);
          listen();
          return;
        }
        rows.value = result.rows;
        next.value = result.next;
        loading.value = false;
        // A row deleted elsewhere (another tab, another operator) cannot stay selected.
        const shown = new Set(result.rows.map((r) => r.id));
        for (const id of selected.value) if (!shown.has(id)) selected.value.delete(id);
      },
      (err) => {
        console.error('Could not load the history', err);
        error.value = err;
        loading.value = false;
      },
    );
  }

  /**
   * Back to the first page, nothing selected, then listen again. A new sort or search
   * keeps the old rows on screen (marked busy) until the new ones arrive; another store
   * must never show this one's rows.
   */
  function restart({ keepRows = false } = {}) {
    cursors.value = [];
    selected.value.clear();
    if (!keepRows) rows.value = [];
    listen();
  }

  watch(
    () => session.storeId,
    () => {
      notice.value = '';
      restart();
    },
  );

  /** Starts listening while the page is open; call the returned function to stop. */
  function watchPage(): () => void {
    listeners += 1;
    if (listeners === 1) restart();
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      listeners -= 1;
      if (listeners === 0) {
        stop?.();
        stop = null;
      }
    };
  }

  /** A click on a column header: that column, or the other direction if it already is. */
  function sortBy(field: HistorySortField) {
    if (sort.value === field) {
      direction.value = direction.value === 'asc' ? 'desc' : 'asc';
    } else {
      sort.value = field;
      direction.value = FIRST_DIRECTION[field];
    }
    restart({ keepRows: true });
  }

  function setSearch(text: string) {
    if (text.trim() === search.value.trim()) return;
    search.value = text;
    restart({ keepRows: true });
  }

  function nextPage() {
    if (!next.value) return;
    cursors.value = [...cursors.value, next.value];
    selected.value.clear();
    listen();
  }

  function previousPage() {
    if (cursors.value.length === 0) return;
    cursors.value = cursors.value.slice(0, -1);
    selected.value.clear();
    listen();
  }

  function toggle(id: string) {
    if (selected.value.has(id)) selected.value.delete(id);
    else selected.value.add(id);
  }

  const allSelected = computed(
    () => rows.value.length > 0 && rows.value.every((r) => selected.value.has(r.id)),
  );

  function toggleAll() {
    if (allSelected.value) selected.value.clear();
    else for (const row of rows.value) selected.value.add(row.id);
  }

  /** Deletes the selected rows with their conversations and messages; true on success. */
  async function deleteSelected(): Promise<boolean> {
    const storeId = session.storeId;
    const ids = [...selected.value];
    if (!storeId || ids.length === 0 || deleting.value) return false;
    deleting.value = true;
    deleteError.value = '';
    notice.value = '';
    try {
      const deleted = await deleteHistoryRows(storeId, ids);
      selected.value.clear();
      notice.value =
        deleted.conversations === 1
          ? 'Deleted 1 conversation and its messages.'
          : `Deleted ${deleted.conversations} conversations and their messages.`;
      return true;
    } catch (err) {
      deleteError.value = describeCallableError(err);
      return false;
    } finally {
      deleting.value = false;
    }
  }

  /** The messages of a row's conversations, for the View dialog. */
  function loadMessages(row: HistoryRow) {
    const storeId = session.storeId;
    if (!storeId) return Promise.reject(new Error('No store is open.'));
    return loadRowMessages(storeId, row);
  }

  return {
    sort,
    direction,
    search,
    page,
    rows,
    next,
    loading,
    error,
    selected,
    allSelected,
    deleting,
    deleteError,
    notice,
    watchPage,
    sortBy,
    setSearch,
    nextPage,
    previousPage,
    toggle,
    toggleAll,
    deleteSelected,
    loadMessages,
  };
});

if (import.meta.hot) {
  import.meta.hot.accept(acceptHMRUpdate(useHistoryStore, import.meta.hot));
}
