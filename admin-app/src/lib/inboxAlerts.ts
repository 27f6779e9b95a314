/**
 * Tells the operator when a shopper writes: a chime (new conversation, new message) and,
 * while the tab is in the background, a desktop notification that opens the conversation.
 * Runs once for the whole console (App.vue), from the recap's live list, so it costs no
 * reads of its own.
 */
import { watch } from 'vue';
import type { Router } from 'vue-router';
import type { ConversationDoc } from '../data/conversations';
import { useAlertPreferencesStore } from '../stores/alertPreferences';
import { useConversationsStore } from '../stores/conversations';
import { useSessionStore } from '../stores/session';
import { useWindowsStore } from '../stores/windows';
import { playChime, type Chime } from './sounds';

export function useInboxAlerts(router: Router) {
  const conversations = useConversationsStore();
  const session = useSessionStore();
  const windows = useWindowsStore();
  const preferences = useAlertPreferencesStore();

  /** The newest message already accounted for, per conversation in the list. */
  let known: Map<string, string | null> | null = null;
  /** Conversations that appeared without a message yet: their first one is "new". */
  const fresh = new Set<string>();

  watch(
    () => session.storeId,
    () => {
      known = null;
      fresh.clear();
    },
  );

  // VueFire updates the list in place: watch what matters in it, not the array itself.
  watch(
    () =>
      conversations.loading || !session.storeId
        ? null
        : conversations.ongoing.map((c) => `${c.id}:${c.lastMessageId}`).join(','),
    (signature) => {
      if (signature === null) return;
      const list = conversations.ongoing;
      // The first full list is what was already there: nothing to announce.
      if (known === null) {
        known = new Map(list.map((c) => [c.id, c.lastMessageId]));
        return;
      }
      for (const c of list) {
        const isNew = !known.has(c.id);
        const changed = isNew || known.get(c.id) !== c.lastMessageId;
        known.set(c.id, c.lastMessageId);
        if (!changed) continue;
        // Operators' own replies move the list too; only shoppers' messages alert.
        if (c.lastMessage?.author !== 'shopper') {
          if (isNew) fresh.add(c.id);
          continue;
        }
        announce(c, isNew || fresh.delete(c.id) ? 'conversation' : 'message');
      }
    },
  );

  function announce(c: ConversationDoc, chime: Chime) {
    const hidden = document.visibilityState === 'hidden';
    // The operator is already looking at this conversation: no need to ring.
    if (!hidden && chime === 'message' && windows.isVisible(c.id)) return;
    if (preferences.sounds) playChime(chime);
    if (hidden && preferences.desktop && preferences.permission === 'granted') {
      const name = c.shopper.displayName;
      const notification = new Notification(
        chime === 'conversation' ? `New conversation: ${name}` : name,
        { body: c.lastMessage?.text ?? '', tag: c.id },
      );
      notification.onclick = () => {
        window.focus();
        void router.push({ name: 'conversation', params: { id: c.id } });
        notification.close();
      };
    }
  }
}
