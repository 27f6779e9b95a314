/**
 * The Comptoir loader: the only code that runs on the store's page. It stays tiny and
 * framework-free: one cacheable HTTP request for availability, a launcher button, and
 * — only when the shopper opens the chat or already has a live conversation — an iframe
 * that runs the real chat app. No Firebase SDK and no Firestore connection here.
 *
 *   <script async src="https://HOST/widget/loader.js" data-store="STORE_ID"></script>
 */
import {
  resolveLanguage,
  validateStoreId,
  widgetMode,
  launcherText,
  LAUNCHER_LANGUAGES,
  type AvailabilityResponse,
  type CustomerIdentity,
  type DiscountDetail,
  type WidgetMode,
} from '@comptoir/core';
import { envelope, isEnvelope, type ChatToHost, type HostToChat } from '../protocol';
import { createLauncher } from './launcher';

declare global {
  interface Window {
    Comptoir?: ComptoirApi;
  }
}

export interface ComptoirApi {
  version: string;
  open(): void;
  close(): void;
  /**
   * Tells the chat who the signed-in customer is. `signature` is the hex HMAC-SHA256 of `id`
   * with the store's identity secret, computed on the store's server. Resolves once the
   * chat has verified it (the chat verifies when it loads: on open, or at once if a
   * conversation is live); rejects with an Error whose `code` says why.
   */
  identify(customer: CustomerIdentity): Promise<void>;
  /**
   * Reports the shopper's cart: `{ items: [{ id, name, variant, quantity, unitPrice }],
   * subtotal, currency, eventId? }`. Forwarded only to a loaded chat (opened, or with a live
   * conversation); otherwise the latest cart waits here, at no network cost.
   */
  cart(cart: { items: unknown[]; subtotal: number; currency: string; eventId?: string }): void;
  /**
   * Calls `fn({ code, kind, value, currency })` when the shopper applies a discount in the
   * chat (as does a `comptoir:discount` event on `document`); returns an unsubscribe.
   */
  onDiscount(fn: (discount: DiscountDetail) => void): () => void;
}

const script = document.currentScript as HTMLScriptElement | null;

function start(script: HTMLScriptElement) {
  const storeCheck = validateStoreId(script.dataset.store);
  if (!storeCheck.ok) {
    console.error(`[Comptoir] ${storeCheck.message} Set data-store on the script tag.`);
    return;
  }
  const storeId = storeCheck.value;
  const widgetOrigin = new URL(script.src).origin;
  const pageLanguage = script.dataset.lang || document.documentElement.lang || navigator.language;
  const lang = resolveLanguage([pageLanguage], LAUNCHER_LANGUAGES);
  const memory = sessionMemory(storeId);
  // A resume link from a reply email: the chat opens with the whole thread, and the token
  // leaves the address bar at once (it must not end up in referrers or shared links).
  const resume = takeResumeToken();

  let frame: HTMLIFrameElement | null = null;
  let mode: WidgetMode = 'none';
  let formAllowed = false;
  let ready = false;
  let isOpen = false;
  const queue: HostToChat[] = [];
  // Only the latest cart matters: the chat app works out the changes from snapshots.
  let cartReport: HostToChat | null = null;

  const post = (message: HostToChat) => {
    if (frame?.contentWindow && ready)
      frame.contentWindow.postMessage(envelope(message), widgetOrigin);
    else queue.push(message);
  };

  const ui = createLauncher({
    lang,
    onToggle: () => (isOpen ? close() : open()),
  });

  function mountFrame() {
    if (frame) return frame;
    const url = new URL('/widget/chat.html', widgetOrigin);
    url.searchParams.set('store', storeId);
    url.searchParams.set('lang', pageLanguage);
    url.searchParams.set('origin', location.origin);
    url.searchParams.set('mode', mode === 'form' ? 'form' : 'chat');
    if (formAllowed) url.searchParams.set('form', '1');
    // Where the chat started, without the query (it may hold personal data): emails link back.
    url.searchParams.set('page', location.origin + location.pathname);
    if (resume) url.searchParams.set('resume', resume);
    frame = ui.mountFrame(url.href);
    if (cartReport) post(cartReport);
    return frame;
  }

  function open() {
    mountFrame();
    isOpen = true;
    memory.set('open', true);
    ui.setOpen(true);
    post({ type: 'open' });
  }

  function close() {
    isOpen = false;
    memory.set('open', false);
    ui.setOpen(false);
    post({ type: 'closed' });
  }

  // Only messages from our own iframe, from the widget's origin, reach this table.
  const handlers: { [K in ChatToHost['type']]: (m: Extract<ChatToHost, { type: K }>) => void } = {
    ready: () => {
      ready = true;
      for (const message of queue.splice(0)) post(message);
      if (!isOpen) post({ type: 'closed' });
    },
    // The chat asked to close (its × or Escape): focus was inside it, bring it back here.
    close: () => {
      close();
      ui.focus();
    },
    unread: (m) => ui.setUnread(isOpen ? 0 : Math.max(0, Math.floor(m.count))),
    conversation: (m) => memory.set('live', m.live),
    discount: (m) => {
      document.dispatchEvent(new CustomEvent('comptoir:discount', { detail: m.discount }));
      discountHooks.forEach((fn) => fn(m.discount));
    },
    identified: (m) => {
      const pending = identifications.get(m.requestId);
      identifications.delete(m.requestId);
      if (!pending) return;
      if (m.ok) pending.resolve();
      else {
        console.warn(`[Comptoir] identify(): ${m.message}`);
        pending.reject(
          Object.assign(new Error(m.message ?? 'Identification failed.'), { code: m.code }),
        );
      }
    },
  };

  window.addEventListener('message', (event) => {
    if (event.origin !== widgetOrigin || !frame || event.source !== frame.contentWindow) return;
    if (!isEnvelope(event.data)) return;
    const handler = handlers[event.data.type as ChatToHost['type']] as
      ((m: ChatToHost) => void) | undefined;
    handler?.(event.data as unknown as ChatToHost);
  });

  const identifications = new Map<number, { resolve(): void; reject(e: Error): void }>();
  let nextRequestId = 1;
  function identify(customer: CustomerIdentity): Promise<void> {
    if (
      typeof customer !== 'object' ||
      customer === null ||
      !(typeof customer.id === 'string' || typeof customer.id === 'number') ||
      typeof customer.signature !== 'string'
    ) {
      throw new TypeError(
        '[Comptoir] identify() takes { id, name, email?, phone?, signature }: signature is the hex HMAC-SHA256 of id with your store secret, computed on your server.',
      );
    }
    const requestId = nextRequestId++;
    const { id, name, email, phone, signature } = customer;
    return new Promise((resolve, reject) => {
      identifications.set(requestId, { resolve, reject });
      post({
        type: 'identify',
        requestId,
        customer: { id: String(id), name, email, phone, signature },
      });
    });
  }

  function cart(c: Parameters<ComptoirApi['cart']>[0]) {
    if (typeof c !== 'object' || !c || !Array.isArray(c.items)) {
      throw new TypeError(
        '[Comptoir] cart() takes { items: [{ id, name, variant, quantity, unitPrice }], subtotal, currency }.',
      );
    }
    const { eventId, ...snapshot } = c;
    // A plain copy: a store's cart object may hold what postMessage cannot clone.
    cartReport = {
      type: 'cart',
      cart: JSON.parse(JSON.stringify(snapshot)),
      eventId,
      occurredAt: Date.now(),
    };
    if (frame) post(cartReport);
  }

  const discountHooks = new Set<(discount: DiscountDetail) => void>();
  function onDiscount(fn: (discount: DiscountDetail) => void) {
    discountHooks.add(fn);
    return () => void discountHooks.delete(fn);
  }

  window.Comptoir = { version: '1', open, close, identify, cart, onDiscount };
  // The script tag is async: pages that load before it wait for this event.
  document.dispatchEvent(new CustomEvent('comptoir:ready'));

  const availabilityUrl = new URL('/api/availability', widgetOrigin);
  availabilityUrl.searchParams.set('store', storeId);
  fetch(availabilityUrl, { credentials: 'omit' })
    .then((response) => (response.ok ? (response.json() as Promise<AvailabilityResponse>) : null))
    .then((availability) => {
      if (!availability) return;
      mode = widgetMode(availability);
      formAllowed = availability.offlineForm;
      // A shopper with a live conversation keeps it even if the store just went offline
      // (with offline mode off the store shows nothing else, so the chat stays reachable).
      const live = memory.get('live') || resume !== null;
      if (mode === 'none' && !live) return;
      if (mode === 'none') mode = 'chat';
      ui.show(availability.launcher);
      if (live) mountFrame();
      if (memory.get('open') || resume) open();
    })
    .catch(() => console.warn(`[Comptoir] ${launcherText(lang, 'unavailable')}`));
}

function takeResumeToken(): string | null {
  const url = new URL(location.href);
  const token = url.searchParams.get('comptoir_resume');
  if (token === null) return null;
  url.searchParams.delete('comptoir_resume');
  history.replaceState(history.state, '', url.href);
  return token;
}

/** Remembers, per store and on the store's own origin, whether a chat is live or open. */
function sessionMemory(storeId: string) {
  const key = (name: string) => `comptoir:${storeId}:${name}`;
  return {
    get(name: 'live' | 'open'): boolean {
      try {
        return localStorage.getItem(key(name)) === '1';
      } catch {
        return false; // storage blocked: behave like a first visit
      }
    },
    set(name: 'live' | 'open', value: boolean) {
      try {
        if (value) localStorage.setItem(key(name), '1');
        else localStorage.removeItem(key(name));
      } catch {
        // storage blocked: the chat still works for this page view
      }
    },
  };
}

// NOTE: guard against the snippet being pasted twice (themes often include it again).
if (script && !window.Comptoir) start(script);
