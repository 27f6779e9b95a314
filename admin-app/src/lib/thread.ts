/**
 * One conversation's messages, for one chat window. Each window listens to its own
 * thread, so several can be open side by side.
 */
import { computed, type MaybeRefOrGetter, toValue } from 'vue';
import { useCollection } from 'vuefire';
import { messagesQuery } from '../data/messages';
import { useSessionStore } from '../stores/session';

export function useThread(conversationId: MaybeRefOrGetter<string>) {
  const session = useSessionStore();
  const messagesRef = useCollection(() =>
    session.storeId ? messagesQuery(session.storeId, toValue(conversationId)) : null,
  );
  // VueFire keeps the previous thread while the next one loads: never show it under
  // another shopper's name.
  const messages = computed(() =>
    messagesRef.value.filter((m) => m.conversationId === toValue(conversationId)),
  );
  const loading = computed(() => messagesRef.pending.value);
  const error = computed(() => messagesRef.error.value ?? null);
  return { messages, loading, error };
}
