/** The messages of the open conversation, and sending the operator's replies. */
import { computed } from 'vue';
import { acceptHMRUpdate, defineStore } from 'pinia';
import { useCollection } from 'vuefire';
import { validateMessageText, type ValidationResult } from '@comptoir/core';
import { addOperatorMessage, messagesQuery } from '../data/messages';
import { useConversationsStore } from './conversations';
import { useSessionStore } from './session';

export const useThreadStore = defineStore('thread', () => {
  const session = useSessionStore();
  const conversations = useConversationsStore();

  const messagesRef = useCollection(() =>
    session.storeId && conversations.selectedId
      ? messagesQuery(session.storeId, conversations.selectedId)
      : null,
  );
  // VueFire keeps the previous thread while the next one loads: never show it under
  // another shopper's name.
  const messages = computed(() =>
    messagesRef.value.filter((m) => m.conversationId === conversations.selectedId),
  );
  const loading = computed(() => messagesRef.pending.value);
  const error = computed(() => messagesRef.error.value ?? null);

  const canSend = computed(
    () => session.storeId !== null && session.user !== null && session.operatorName !== '',
  );

  /**
   * Validates, then writes the reply. Resolves with the validation outcome as soon as the
   * write is queued; `sent` settles when the server has accepted (or refused) it, so the
   * composer can clear at once and still report a refusal.
   */
  function send(
    conversationId: string,
    input: string,
  ): { result: ValidationResult<string>; sent: Promise<void> } {
    const result = validateMessageText(input);
    if (!result.ok) return { result, sent: Promise.resolve() };
    const uid = session.user?.uid;
    if (!session.storeId || !uid || !session.operatorName) {
      return {
        result: { ok: false, code: 'not-ready', message: 'Your store is still loading.' },
        sent: Promise.resolve(),
      };
    }
    const sent = addOperatorMessage(session.storeId, conversationId, {
      authorUid: uid,
      authorName: session.operatorName,
      text: result.value,
    }).then(() => undefined);
    return { result, sent };
  }

  return { messages, loading, error, canSend, send };
});

if (import.meta.hot) {
  import.meta.hot.accept(acceptHMRUpdate(useThreadStore, import.meta.hot));
}
