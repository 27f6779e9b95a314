/**
 * The inbox: the store's ongoing conversations and the one the operator has open.
 * Read marks are written from here so a conversation is never marked twice at once.
 */
import { computed, ref } from 'vue';
import { acceptHMRUpdate, defineStore } from 'pinia';
import { useCollection, useDocument } from 'vuefire';
import {
  conversationRef,
  markConversationRead,
  ongoingConversationsQuery,
} from '../data/conversations';
import { endConversation } from '../data/callables';
import { useSessionStore } from './session';

export const useConversationsStore = defineStore('conversations', () => {
  const session = useSessionStore();

  const ongoingRef = useCollection(() =>
    session.storeId ? ongoingConversationsQuery(session.storeId) : null,
  );
  const ongoing = computed(() => (session.storeId ? ongoingRef.value : []));
  const loading = computed(() => session.storeId !== null && ongoingRef.pending.value);
  const error = computed(() => ongoingRef.error.value ?? null);
  /** Shopper messages no operator has read yet, over every ongoing conversation. */
  const unreadTotal = computed(() =>
    ongoing.value.reduce((total, c) => total + (c.unreadByOperator ?? 0), 0),
  );

  /** Set by the route: `/conversations/:id`. */
  const selectedId = ref<string | null>(null);
  // Read on its own rather than picked from the list: a finished conversation opened
  // from a link is no longer in the ongoing list but must still display.
  const selectedRef = useDocument(() =>
    session.storeId && selectedId.value ? conversationRef(session.storeId, selectedId.value) : null,
  );
  // VueFire keeps the previous document while the next one loads: match on the id.
  const selected = computed(() =>
    selectedRef.value && selectedRef.value.id === selectedId.value ? selectedRef.value : null,
  );
  const selectedLoading = computed(() => selectedId.value !== null && selectedRef.pending.value);
  const selectedError = computed(() => selectedRef.error.value ?? null);

  const totalUnread = computed(() =>
    ongoing.value.reduce((sum, c) => sum + (c.unreadByOperator > 0 ? c.unreadByOperator : 0), 0),
  );

  function select(id: string | null) {
    selectedId.value = id;
  }

  const marking = new Set<string>();

  /** Clears the unread counter; a no-op while a previous mark is still in flight. */
  async function markRead(conversationId: string) {
    const storeId = session.storeId;
    if (!storeId || marking.has(conversationId)) return;
    marking.add(conversationId);
    try {
      await markConversationRead(storeId, conversationId);
    } catch (err) {
      // Harmless: the badge stays and the next visit tries again.
      console.warn('Could not mark the conversation as read', err);
    } finally {
      marking.delete(conversationId);
    }
  }

  /**
   * Ends a conversation through the server, which frees its chat slot. Rejects with the
   * callable's error so the caller can say why; the list drops it once it is finished.
   */
  async function end(conversationId: string) {
    const storeId = session.storeId;
    if (!storeId) throw new Error('Your store is still loading.');
    await endConversation(storeId, conversationId);
  }

  return {
    ongoing,
    loading,
    error,
    selectedId,
    selected,
    unreadTotal,
    selectedLoading,
    selectedError,
    totalUnread,
    select,
    markRead,
    end,
  };
});

if (import.meta.hot) {
  import.meta.hot.accept(acceptHMRUpdate(useConversationsStore, import.meta.hot));
}
