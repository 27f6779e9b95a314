/**
 * The recap: the store's ongoing and finished conversations, their unread counts, and
 * what an operator does to a conversation as a whole (mark read, end, reopen). Read marks
 * go through here so a conversation is never marked twice at once.
 */
import { computed } from 'vue';
import { acceptHMRUpdate, defineStore } from 'pinia';
import { useCollection } from 'vuefire';
import {
  finishedConversationsQuery,
  markConversationRead,
  ongoingConversationsQuery,
  type ConversationDoc,
} from '../data/conversations';
import { endConversation, reopenConversation } from '../data/callables';
import { useSessionStore } from './session';

const unreadOf = (list: ConversationDoc[]) =>
  list.reduce((total, c) => total + Math.max(0, c.unreadByOperator ?? 0), 0);

export const useConversationsStore = defineStore('conversations', () => {
  const session = useSessionStore();

  const ongoingRef = useCollection(() =>
    session.storeId ? ongoingConversationsQuery(session.storeId) : null,
  );
  const finishedRef = useCollection(() =>
    session.storeId ? finishedConversationsQuery(session.storeId) : null,
  );
  // VueFire keeps the previous store's results while the next store's load.
  const ongoing = computed(() => (session.storeId ? ongoingRef.value : []));
  const finished = computed(() => (session.storeId ? finishedRef.value : []));
  const loading = computed(() => session.storeId !== null && ongoingRef.pending.value);
  const finishedLoading = computed(() => session.storeId !== null && finishedRef.pending.value);
  const error = computed(() => ongoingRef.error.value ?? null);
  const finishedError = computed(() => finishedRef.error.value ?? null);

  /** Shopper messages no operator has read yet, per tab and over both. */
  const ongoingUnread = computed(() => unreadOf(ongoing.value));
  const finishedUnread = computed(() => unreadOf(finished.value));
  const totalUnread = computed(() => ongoingUnread.value + finishedUnread.value);

  /** A conversation of either tab, without a listener of its own. */
  function find(id: string): ConversationDoc | null {
    return (
      ongoing.value.find((c) => c.id === id) ?? finished.value.find((c) => c.id === id) ?? null
    );
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
      // Harmless: the badge stays and the next look tries again.
      console.warn('Could not mark the conversation as read', err);
    } finally {
      marking.delete(conversationId);
    }
  }

  function requireStore(): string {
    if (!session.storeId) throw new Error('Your store is still loading.');
    return session.storeId;
  }

  /** Ends a conversation through the server, which frees its chat slot (→ Finished). */
  async function end(conversationId: string) {
    await endConversation(requireStore(), conversationId);
  }

  /** Back to Ongoing; refused with a clear message when every chat slot is taken. */
  async function reopen(conversationId: string) {
    await reopenConversation(requireStore(), conversationId);
  }

  return {
    ongoing,
    finished,
    loading,
    finishedLoading,
    error,
    finishedError,
    ongoingUnread,
    finishedUnread,
    totalUnread,
    find,
    markRead,
    end,
    reopen,
  };
});

if (import.meta.hot) {
  import.meta.hot.accept(acceptHMRUpdate(useConversationsStore, import.meta.hot));
}
