/** The store's saved replies: listed live, added, edited and deleted from Settings. */
import { computed } from 'vue';
import { acceptHMRUpdate, defineStore } from 'pinia';
import { useCollection } from 'vuefire';
import { validateSavedReply, type SavedReplyInput } from '@comptoir/core';
import {
  addSavedReply,
  deleteSavedReply,
  savedRepliesQuery,
  updateSavedReply,
} from '../data/savedReplies';
import { useSessionStore } from './session';

export type SavedReplyOutcome =
  | { ok: true; value: SavedReplyInput }
  | { ok: false; message: string; fields: Record<string, string> };

export const useSavedRepliesStore = defineStore('savedReplies', () => {
  const session = useSessionStore();
  const listRef = useCollection(() =>
    session.storeId ? savedRepliesQuery(session.storeId) : null,
  );
  const replies = computed(() => (session.storeId ? listRef.value : []));
  const loading = computed(() => session.storeId !== null && listRef.pending.value);

  /** Adds (id null) or updates a reply, after the same checks the rules make. */
  async function save(id: string | null, input: unknown): Promise<SavedReplyOutcome> {
    const result = validateSavedReply(input);
    const storeId = session.storeId;
    if (!result.ok || !storeId) return result;
    try {
      if (id) await updateSavedReply(storeId, id, result.value);
      else await addSavedReply(storeId, result.value);
      return result;
    } catch (err) {
      console.error('Could not save the saved reply', err);
      return {
        ok: false,
        message: 'The reply could not be saved. Check your connection and try again.',
        fields: {},
      };
    }
  }

  async function remove(id: string): Promise<boolean> {
    if (!session.storeId) return false;
    try {
      await deleteSavedReply(session.storeId, id);
      return true;
    } catch (err) {
      console.error('Could not delete the saved reply', err);
      return false;
    }
  }

  return { replies, loading, save, remove };
});

if (import.meta.hot) {
  import.meta.hot.accept(acceptHMRUpdate(useSavedRepliesStore, import.meta.hot));
}
