/**
 * The chat app in the iframe: signs the shopper in anonymously, resumes their
 * conversation if they have one, and carries messages both ways in real time.
 * The conversation is created only when the shopper sends a first message.
 */
import {
  resolveLanguage,
  validateMessageText,
  validateStoreId,
  WIDGET_LANGUAGES,
  widgetText,
} from '@comptoir/core';
import { signInAnonymously } from 'firebase/auth';
import type { Unsubscribe } from 'firebase/firestore';
import { FirebaseError } from 'firebase/app';
import {
  conversationExists,
  loadWidgetSettings,
  sendShopperMessage,
  startConversation,
  watchMessages,
  type ThreadMessage,
} from './data';
import { auth } from './firebase';
import { connectHost } from './hostBridge';
import { renderChat, renderFatal } from './view';

const root = document.getElementById('app')!;
const params = new URLSearchParams(location.search);
const host = connectHost(params.get('origin'));

async function main() {
  const storeCheck = validateStoreId(params.get('store'));
  if (!storeCheck.ok) return renderFatal(root, storeCheck.message);
  const storeId = storeCheck.value;

  const [settings] = await Promise.all([loadWidgetSettings(storeId), auth.authStateReady()]);
  if (!settings) return renderFatal(root, 'This store has no chat.');
  const requested = [params.get('lang'), settings.defaultLanguage];
  const uiLang = resolveLanguage(requested, WIDGET_LANGUAGES);
  const textLang = resolveLanguage(
    requested,
    Object.keys(settings.texts),
    settings.defaultLanguage,
  );
  const texts = settings.texts[textLang] ?? Object.values(settings.texts)[0]!;
  document.documentElement.lang = uiLang;
  document.title = texts.header;

  const user = auth.currentUser ?? (await signInAnonymously(auth)).user;
  const memoryKey = `comptoir:${storeId}:${user.uid}`;
  let conversationId: string | null = localStorage.getItem(`${memoryKey}:conversation`);
  let unsubscribe: Unsubscribe | null = null;
  let isOpen = !host.embedded;
  let messages: ThreadMessage[] = [];

  const view = renderChat(root, {
    lang: uiLang,
    texts,
    settings,
    closable: host.embedded,
    onClose: () => host.send({ type: 'close' }),
    onSend: async (raw) => {
      const text = validateMessageText(raw);
      if (!text.ok) {
        view.showError(text.message);
        return false;
      }
      view.showError(null);
      try {
        if (!conversationId) {
          conversationId = await startConversation(storeId, textLang);
          localStorage.setItem(`${memoryKey}:conversation`, conversationId);
          follow(conversationId);
        }
        await sendShopperMessage(storeId, conversationId, user.uid, text.value);
        return true;
      } catch (error) {
        view.showError(
          error instanceof FirebaseError && error.code.startsWith('functions/')
            ? error.message
            : widgetText(uiLang, 'sendFailed'),
        );
        return false;
      }
    },
  });

  // Unread = operator replies newer than the newest message the shopper has seen open.
  // Server timestamps on both sides, so the shopper's clock does not matter.
  const seenKey = `${memoryKey}:seen`;
  const reportUnread = () => {
    if (isOpen) {
      const newest = Math.max(0, ...messages.map((m) => m.createdAt?.getTime() ?? 0));
      localStorage.setItem(seenKey, String(newest));
    }
    const seen = Number(localStorage.getItem(seenKey) ?? 0);
    const unread = isOpen
      ? 0
      : messages.filter((m) => m.author === 'operator' && (m.createdAt?.getTime() ?? 0) > seen)
          .length;
    host.send({ type: 'unread', count: unread });
  };

  function follow(id: string) {
    unsubscribe?.();
    host.send({ type: 'conversation', live: true });
    unsubscribe = watchMessages(
      storeId,
      id,
      (next) => {
        messages = next;
        view.showMessages(messages);
        reportUnread();
      },
      () => view.showError(widgetText(uiLang, 'sendFailed')),
    );
  }

  if (conversationId) {
    if (await conversationExists(storeId, conversationId)) follow(conversationId);
    else {
      localStorage.removeItem(`${memoryKey}:conversation`);
      conversationId = null;
      host.send({ type: 'conversation', live: false });
    }
  }

  host.on('open', () => {
    isOpen = true;
    reportUnread();
    view.focus();
  });
  host.on('closed', () => {
    isOpen = false;
    reportUnread();
  });
  host.send({ type: 'ready' });
}

main().catch((error: unknown) => {
  console.error(error);
  renderFatal(root, 'The chat could not start. Please reload the page.');
});
