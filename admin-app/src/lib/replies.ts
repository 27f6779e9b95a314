/** Sending an operator's reply: validated here, written under their own display name. */
import { validateMessageText, type ValidationResult } from '@comptoir/core';
import { addOperatorMessage } from '../data/messages';
import { useSessionStore } from '../stores/session';

export function useReplies() {
  const session = useSessionStore();

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

  return { send };
}
