/** Messages shoppers left through the contact form, and their read marks. */
import { computed, ref } from 'vue';
import { acceptHMRUpdate, defineStore } from 'pinia';
import { useCollection } from 'vuefire';
import {
  OFFLINE_MESSAGES_LIMIT,
  offlineMessagesQuery,
  setOfflineMessageRead,
  unreadOfflineMessagesQuery,
} from '../data/offlineMessages';
import { useSessionStore } from './session';

export const useOfflineMessagesStore = defineStore('offlineMessages', () => {
  const session = useSessionStore();

  // The badge in the top bar needs the unread count on every page; the list itself is
  // only listened to while the Offline messages page is open (see `watchList`).
  const listening = ref(0);
  const listRef = useCollection(() =>
    session.storeId && listening.value > 0 ? offlineMessagesQuery(session.storeId) : null,
  );
  const unreadRef = useCollection(() =>
    session.storeId ? unreadOfflineMessagesQuery(session.storeId) : null,
  );

  const messages = computed(() => (session.storeId ? listRef.value : []));
  const loading = computed(() => session.storeId !== null && listRef.pending.value);
  const error = computed(() => listRef.error.value ?? null);
  const truncated = computed(() => messages.value.length >= OFFLINE_MESSAGES_LIMIT);
  const unreadCount = computed(() => (session.storeId ? unreadRef.value.length : 0));

  /** Starts the list listener; call the returned function to stop it. */
  function watchList(): () => void {
    listening.value += 1;
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      listening.value -= 1;
    };
  }

  /** Ids with a read mark in flight: their button waits instead of sending twice. */
  const updating = ref(new Set<string>());
  const updateError = ref('');

  async function setRead(id: string, read: boolean) {
    const storeId = session.storeId;
    if (!storeId || updating.value.has(id)) return;
    updating.value.add(id);
    updateError.value = '';
    try {
      await setOfflineMessageRead(storeId, id, read);
    } catch (err) {
      console.error('Could not update the read mark', err);
      updateError.value = read
        ? 'Could not mark the message as read. Please try again.'
        : 'Could not mark the message as unread. Please try again.';
    } finally {
      updating.value.delete(id);
    }
  }

  return {
    messages,
    loading,
    error,
    truncated,
    unreadCount,
    updating,
    updateError,
    watchList,
    setRead,
  };
});

if (import.meta.hot) {
  import.meta.hot.accept(acceptHMRUpdate(useOfflineMessagesStore, import.meta.hot));
}
