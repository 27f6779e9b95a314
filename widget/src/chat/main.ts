/**
 * The chat app in the iframe: signs the shopper in anonymously, then shows either the
 * live chat (resuming their conversation if they have one) or the offline contact form,
 * as the loader asks (`mode`) or as the server answers (a full or offline store).
 * The conversation is created only when the shopper sends a first message.
 */
import {
  isTyping,
  resolveLanguage,
  typingNotifier,
  validateMessageText,
  validateStoreId,
  WIDGET_LANGUAGES,
  widgetText,
  type WidgetSettings,
} from '@comptoir/core';
import { signInAnonymously, type User } from 'firebase/auth';
import type { Unsubscribe } from 'firebase/firestore';
import { FirebaseError } from 'firebase/app';
import { renderContactForm } from './contactForm';
import { renderEmailCapture } from './emailCapture';
import {
  conversationExists,
  identifyShopper,
  loadWidgetSettings,
  markSeenByShopper,
  setShopperTyping,
  watchConversation,
  type ConversationView,
  sendHeartbeat,
  sendShopperMessage,
  resumeConversation,
  setShopperContact,
  startConversation,
  submitOfflineMessage,
  watchMessages,
  type ThreadMessage,
} from './data';
import { auth } from './firebase';
import { connectHost } from './hostBridge';
import { closeOnEscape } from './keyboard';
import { renderChat, renderFatal } from './view';
import { cartSync } from './cartSync';
import { richRenderer } from './rich';
import { orderLookupEntry } from './orderEntry';

/** Tries (online) of a conversation start that keeps failing, before giving the text back. */
const CONNECTION_RETRIES = 4;

/** While a conversation is live, the shopper's page says "still here" this often. */
const HEARTBEAT_MS = 60_000;

const root = document.getElementById('app')!;
const params = new URLSearchParams(location.search);
const host = connectHost(params.get('origin'));
closeOnEscape(host);
/** The loader says whether the store takes offline messages (offline mode on). */
const formAllowed = params.get('form') === '1';

interface Context {
  storeId: string;
  settings: WidgetSettings;
  user: User;
  uiLang: string;
  textLang: string;
}

const errorCode = (error: unknown) =>
  error instanceof FirebaseError
    ? ((error as FirebaseError & { details?: { code?: string } }).details?.code ?? error.code)
    : null;

/**
 * The call never reached the server: the browser is offline, or the request failed on the
 * way (the functions SDK reports a failed fetch as `internal` with no details, where the
 * server's own refusals always carry a code).
 */
function isConnectionError(error: unknown) {
  if (!navigator.onLine) return true;
  if (!(error instanceof FirebaseError)) return false;
  if (error.code === 'functions/unavailable' || error.code === 'functions/deadline-exceeded')
    return true;
  return error.code === 'functions/internal' && !(error as { details?: unknown }).details;
}

const whenOnline = () =>
  new Promise<void>((resolve) =>
    window.addEventListener('online', () => resolve(), { once: true }),
  );

function showForm(ctx: Context, notice?: string) {
  const texts = ctx.settings.offlineForm.texts[ctx.textLang] ??
    Object.values(ctx.settings.offlineForm.texts)[0] ?? { header: '', welcome: '' };
  const orderEntry = orderLookupEntry({
    lang: ctx.uiLang,
    storeId: ctx.storeId,
    mount: (card) => form.setPanel(card),
  });
  const form = renderContactForm(root, {
    lang: ctx.uiLang,
    quickActions: [orderEntry],
    texts,
    settings: ctx.settings,
    closable: host.embedded,
    notice,
    onClose: () => host.send({ type: 'close' }),
    onSubmit: async (fields, honeypot) => {
      try {
        await submitOfflineMessage(ctx.storeId, fields, honeypot, ctx.textLang);
        return { ok: true };
      } catch (error) {
        const details = (error as { details?: { fields?: Record<string, string> } }).details;
        return {
          ok: false,
          message:
            error instanceof FirebaseError && error.code.startsWith('functions/')
              ? error.message
              : widgetText(ctx.uiLang, 'formFailed'),
          fields: details?.fields,
        };
      }
    },
  });
}

function showChat(ctx: Context) {
  const { storeId, user, uiLang, textLang, settings } = ctx;
  const texts = settings.texts[textLang] ?? Object.values(settings.texts)[0]!;
  const memoryKey = `comptoir:${storeId}:${user.uid}`;
  let conversationId = rememberedConversation(memoryKey);
  let unsubscribe: Unsubscribe | null = null;
  let heartbeat: ReturnType<typeof setInterval> | null = null;
  let isOpen = !host.embedded;
  let messages: ThreadMessage[] = [];
  let conversationView: ConversationView | null = null;
  let idToken: string | null = null;
  let unwatchConversation: Unsubscribe | null = null;
  const typing = typingNotifier((on) =>
    conversationId ? setShopperTyping(storeId, conversationId, on) : Promise.resolve(),
  );

  const orderEntry = orderLookupEntry({
    lang: uiLang,
    storeId,
    mount: (card) => view.setPanel(card),
  });
  const view = renderChat(root, {
    lang: uiLang,
    texts,
    settings,
    quickActions: [orderEntry],
    closable: host.embedded,
    onClose: () => host.send({ type: 'close' }),
    onInput: (text) => typing.input(text),
    renderRich: richRenderer({ lang: uiLang, storeId, conversationId: () => conversationId, host }),
    onSend: async (raw) => {
      typing.stop();
      const text = validateMessageText(raw);
      if (!text.ok) {
        view.showError(text.message);
        return false;
      }
      view.showError(null);
      // Behind texts already waiting for the connection: keep the shopper's order.
      if (waiting.length > 0) {
        wait(text.value);
        return true;
      }
      try {
        await ensureConversation();
      } catch (error) {
        if (isConnectionError(error)) {
          wait(text.value);
          return true;
        }
        return refused(error);
      }
      try {
        // Offline, Firestore keeps the write and sends it on reconnection: the message shows
        // as "Sending…" meanwhile (pending), and this resolves once the server has it.
        await sendShopperMessage(storeId, conversationId!, user.uid, text.value);
        return true;
      } catch (error) {
        return refused(error);
      }
    },
  });

  // No conversation yet, or the merchant ended it: the server starts one or reopens it
  // (an archived one is replaced by a new conversation).
  async function ensureConversation() {
    if (conversationId && (!conversationView || conversationView.status === 'ongoing')) return;
    const next = await startConversation(storeId, textLang, params.get('page'));
    if (next !== conversationId) {
      conversationId = next;
      conversationView = null;
      remember(memoryKey, conversationId);
      follow(conversationId);
    }
  }

  /** The server said no (or failed): say why; false gives the text back to the composer. */
  function refused(error: unknown): boolean {
    const code = errorCode(error);
    if (code === 'store-full' || code === 'store-offline') {
      // No slot for a new conversation: offer the contact form instead, if there is one.
      if (formAllowed) {
        showForm(ctx, widgetText(uiLang, code === 'store-full' ? 'storeFull' : 'storeOffline'));
        return true;
      }
      view.showError(widgetText(uiLang, 'chatUnavailable'));
      return false;
    }
    view.showError(
      error instanceof FirebaseError && error.code.startsWith('functions/')
        ? error.message
        : widgetText(uiLang, 'sendFailed'),
    );
    return false;
  }

  // Texts written while the conversation could not be started (a callable cannot queue
  // offline the way Firestore writes do): shown as "Sending…" and sent in order once the
  // connection is back.
  const waiting: string[] = [];
  function wait(text: string) {
    waiting.push(text);
    view.showWaiting(waiting);
    void deliverWaiting();
  }

  let delivering = false;
  async function deliverWaiting() {
    if (delivering) return;
    delivering = true;
    try {
      for (let attempt = 0; waiting.length > 0; attempt++) {
        if (!navigator.onLine) {
          attempt = 0;
          await whenOnline();
        } else if (attempt > 0) {
          // Online but the call still failed: back off, and give up after a while.
          if (attempt > CONNECTION_RETRIES) return giveBack();
          await new Promise((r) => setTimeout(r, 1000 * 2 ** attempt));
        }
        try {
          await ensureConversation();
        } catch (error) {
          if (isConnectionError(error)) continue;
          giveBack();
          refused(error);
          return;
        }
        const texts = waiting.splice(0);
        // Written at once, in order (Firestore keeps them queued if the network drops again).
        for (const text of texts) {
          sendShopperMessage(storeId, conversationId!, user.uid, text).catch(refused);
        }
        view.showWaiting(waiting);
      }
    } finally {
      delivering = false;
    }
  }

  /** Nothing is lost: texts that could not go back into the composer, for another try. */
  function giveBack() {
    const texts = waiting.splice(0);
    view.showWaiting(waiting);
    view.restoreDraft(texts.join('\n'));
    view.showError(widgetText(uiLang, 'sendFailed'));
  }

  const showConnection = () => view.showOffline(!navigator.onLine);
  window.addEventListener('online', showConnection);
  window.addEventListener('offline', showConnection);
  showConnection();

  // Unread = operator replies newer than the newest message the shopper has seen open.
  // Server timestamps on both sides, so the shopper's clock does not matter.
  const seenKey = `${memoryKey}:seen`;
  const reportUnread = () => {
    if (isOpen) {
      const newest = Math.max(0, ...messages.map((m) => m.createdAt?.getTime() ?? 0));
      localStorage.setItem(seenKey, String(newest));
    }
    const seen = Number(localStorage.getItem(seenKey) ?? 0);
    markSeen();
    const unread = isOpen
      ? 0
      : messages.filter((m) => m.author === 'operator' && (m.createdAt?.getTime() ?? 0) > seen)
          .length;
    host.send({ type: 'unread', count: unread });
  };

  // Tell operators the shopper has seen their replies (open chat, visible page).
  function markSeen() {
    if (!conversationId || !isOpen || document.visibilityState !== 'visible') return;
    const newestReply = Math.max(
      0,
      ...messages.filter((m) => m.author === 'operator').map((m) => m.createdAt?.getTime() ?? 0),
    );
    if (newestReply > (conversationView?.shopperReadAt ?? 0)) {
      markSeenByShopper(storeId, conversationId).catch(() => undefined);
    }
  }

  const renderTyping = () => {
    const v = conversationView;
    view.showTyping(
      v && isTyping(v.operatorTypingAt, Date.now()) ? (v.operatorTypingName ?? 'Someone') : null,
    );
  };
  // Typing marks expire by time, not by a write: re-check every second.
  setInterval(renderTyping, 1000);

  // "Get our answer by email", once (unless an email is known): after the first message,
  // or before it when the merchant chose a pre-chat form (required: the chat waits for it).
  const dismissedKey = `${memoryKey}:email-asked`;
  const capture = settings.emailCapture ?? 'after-first-message';
  const preChat = capture !== 'after-first-message';
  const required = capture === 'pre-chat-required';
  let asking = false;
  function offerEmail() {
    if (asking || localStorage.getItem(dismissedKey)) return;
    if (conversationView?.hasEmail) return;
    const beforeChat = preChat && !conversationId;
    if (!beforeChat && !(conversationView && messages.some((m) => m.author === 'shopper'))) return;
    asking = true;
    if (beforeChat && required) view.setComposerEnabled(false);
    view.setAside(
      renderEmailCapture({
        lang: uiLang,
        preChat: beforeChat,
        required: beforeChat && required,
        onSave: async (contact) => {
          try {
            await setShopperContact(storeId, contact);
            localStorage.setItem(dismissedKey, 'saved');
            view.setComposerEnabled(true);
            return { ok: true };
          } catch (error) {
            return {
              ok: false,
              message:
                error instanceof FirebaseError && error.code.startsWith('functions/')
                  ? error.message
                  : widgetText(uiLang, 'formFailed'),
            };
          }
        },
        onDismiss: () => {
          localStorage.setItem(dismissedKey, 'dismissed');
          view.setAside(null);
          view.focus();
        },
      }),
    );
  }

  // The store's cart reports, recorded once the shopper has a conversation.
  const carts = cartSync(storeId, () => conversationId, memoryKey);
  host.on('cart', carts.receive);

  function follow(id: string) {
    remember(memoryKey, id); // seven more days from each visit
    carts.flush();
    unsubscribe?.();
    unwatchConversation?.();
    unwatchConversation = watchConversation(storeId, id, (next) => {
      conversationView = next;
      view.showEnded(next.status !== 'ongoing');
      offerEmail();
      renderTyping();
      view.showSeen(next.operatorReadAt, messages);
      markSeen();
    });
    host.send({ type: 'conversation', live: true });
    unsubscribe = watchMessages(
      storeId,
      id,
      (next) => {
        messages = next;
        view.showMessages(messages);
        offerEmail();
        view.showSeen(conversationView?.operatorReadAt ?? null, messages);
        reportUnread();
      },
      () => view.showError(widgetText(uiLang, 'sendFailed')),
    );
    if (heartbeat) clearInterval(heartbeat);
    const beat = () => {
      // A failed beat only costs the slot after minutes of silence; nothing to show.
      sendHeartbeat(storeId, id).catch(() => undefined);
      // Kept ready for pagehide, when there is no time left to ask for a token.
      user.getIdToken().then(
        (t) => (idToken = t),
        () => undefined,
      );
    };
    heartbeat = setInterval(beat, HEARTBEAT_MS);
    beat();
    // Moving to another page of the store sends "left" from the old page while this one
    // says hello; a second beat shortly after wins over a goodbye that arrived late.
    setTimeout(beat, 4000);
  }

  // Leaving the page (closing it, or going to another page of the store): say so at once,
  // with a keepalive request that outlives the page, so operators see "left the store".
  window.addEventListener('pagehide', () => {
    if (!conversationId || !idToken) return;
    fetch('/api/shopper-left', {
      method: 'POST',
      keepalive: true,
      headers: { Authorization: `Bearer ${idToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ storeId, conversationId }),
    }).catch(() => undefined);
  });

  host.on('open', () => {
    isOpen = true;
    reportUnread();
    view.focus();
  });
  host.on('closed', () => {
    isOpen = false;
    reportUnread();
  });

  if (!conversationId) offerEmail();

  return {
    showError: (message: string) => view.showError(message),
    async resume() {
      if (!conversationId) return false;
      if (await conversationExists(storeId, conversationId)) {
        follow(conversationId);
        return true;
      }
      forget(memoryKey);
      conversationId = null;
      host.send({ type: 'conversation', live: false });
      return false;
    },
  };
}

/** A returning shopper finds their conversation in the same browser for this long. */
const REMEMBER_MS = 7 * 24 * 60 * 60 * 1000;

function rememberedConversation(memoryKey: string): string | null {
  const id = localStorage.getItem(`${memoryKey}:conversation`);
  const savedAt = Number(localStorage.getItem(`${memoryKey}:savedAt`) ?? 0);
  if (id && Date.now() - savedAt < REMEMBER_MS) return id;
  if (id) forget(memoryKey);
  return null;
}

function remember(memoryKey: string, conversationId: string) {
  localStorage.setItem(`${memoryKey}:conversation`, conversationId);
  localStorage.setItem(`${memoryKey}:savedAt`, String(Date.now()));
}

function forget(memoryKey: string) {
  localStorage.removeItem(`${memoryKey}:conversation`);
  localStorage.removeItem(`${memoryKey}:savedAt`);
}

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
  document.documentElement.lang = uiLang;

  const user = auth.currentUser ?? (await signInAnonymously(auth)).user;
  const ctx: Context = { storeId, settings, user, uiLang, textLang };

  // The store's page vouches for a signed-in customer; the server checks the signature.
  host.on('identify', async ({ requestId, customer }) => {
    try {
      await identifyShopper(storeId, customer);
      host.send({ type: 'identified', requestId, ok: true });
    } catch (error) {
      const code = errorCode(error) ?? 'identify-failed';
      const message = error instanceof Error ? error.message : String(error);
      host.send({ type: 'identified', requestId, ok: false, code, message });
    }
  });

  // Arriving from a reply email's link: the conversation becomes this browser's.
  const resumeToken = params.get('resume');
  let resumeFailed = false;
  if (resumeToken) {
    try {
      remember(`comptoir:${storeId}:${user.uid}`, await resumeConversation(storeId, resumeToken));
    } catch {
      resumeFailed = true;
    }
  }

  if (resumeFailed) {
    showChat(ctx).showError(widgetText(uiLang, 'resumeFailed'));
  } else if (params.get('mode') === 'form') {
    // A shopper with a live conversation keeps chatting even when the store is offline.
    const chat = rememberedConversation(`comptoir:${storeId}:${user.uid}`) ? showChat(ctx) : null;
    if (!chat || !(await chat.resume())) showForm(ctx);
  } else {
    await showChat(ctx).resume();
  }
  host.send({ type: 'ready' });
}

main().catch((error: unknown) => {
  console.error(error);
  renderFatal(root, 'The chat could not start. Please reload the page.');
});
