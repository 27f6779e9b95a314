/**
 * The chat app's DOM: header, thread, composer. Plain DOM and textContent only (never
 * innerHTML with message text), so nothing a shopper or operator writes can run as code.
 */
import { widgetText, type WidgetSettings, type WidgetTexts } from '@comptoir/core';
import type { ThreadMessage } from './data';

export interface ChatViewOptions {
  lang: string;
  texts: WidgetTexts;
  settings: WidgetSettings;
  closable: boolean;
  onSend(text: string): Promise<boolean>;
  onInput(text: string): void;
  onClose(): void;
  /** Commerce: a card or a localised system line instead of the plain bubble (rich.ts). */
  renderRich?(message: ThreadMessage): Node | null;
  /** Buttons above the composer, there before and during a conversation ("Where is my order?"). */
  quickActions?: HTMLElement[];
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> & { className?: string } = {},
  children: (Node | string)[] = [],
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

export function renderChat(root: HTMLElement, options: ChatViewOptions) {
  const { lang, texts, settings } = options;
  const t = (key: Parameters<typeof widgetText>[1]) => widgetText(lang, key);
  const time = new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit' });

  for (const [name, value] of Object.entries(settings.colors)) {
    root.style.setProperty(`--${name.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())}`, value);
  }

  const closeButton = el('button', { type: 'button', className: 'close', title: t('close') }, [
    '×',
  ]);
  closeButton.setAttribute('aria-label', t('close'));
  closeButton.addEventListener('click', options.onClose);
  const header = el('header', { className: 'chat-header' }, [
    el('div', { className: 'titles' }, [
      el('h1', { textContent: texts.header }),
      // The store's name only when the header text does not already say it.
      ...(texts.header.includes(settings.storeName)
        ? []
        : [el('p', { className: 'store-name', textContent: settings.storeName })]),
    ]),
    ...(options.closable ? [closeButton] : []),
  ]);

  const welcome = el('div', { className: 'message operator welcome' }, [
    el('div', { className: 'bubble', textContent: texts.welcome }),
  ]);
  const list = el('ol', { className: 'messages' });
  // Texts waiting for the connection before the conversation could start (see main.ts).
  const waitingList = el('ol', { className: 'messages waiting' });
  const typing = el('p', { className: 'typing' });
  typing.setAttribute('aria-live', 'polite');
  const ended = el('p', { className: 'ended', textContent: t('conversationEnded'), hidden: true });
  // Below the messages: a card the chat app may show (asking for an email).
  const aside = el('div', { className: 'aside' });
  // Below that: a panel the shopper opened from a quick action (the order lookup).
  const panel = el('div', { className: 'panel' });
  const thread = el('main', { className: 'thread' }, [
    welcome,
    list,
    waitingList,
    aside,
    panel,
    ended,
    typing,
  ]);
  thread.setAttribute('role', 'log');
  thread.setAttribute('aria-live', 'polite');
  thread.setAttribute('aria-label', texts.header);

  const input = el('textarea', {
    id: 'composer-input',
    rows: 1,
    placeholder: t('composerPlaceholder'),
    maxLength: 2000,
  });
  input.setAttribute('aria-label', t('composerLabel'));
  const send = el('button', { type: 'submit', className: 'send', disabled: true }, [t('send')]);
  const error = el('p', { className: 'error' });
  error.setAttribute('role', 'alert');
  const offline = el('p', {
    className: 'connection',
    textContent: t('waitingForConnection'),
    hidden: true,
  });
  offline.setAttribute('role', 'status');
  const form = el('form', { className: 'composer' }, [input, send]);
  const footer = el('footer', { className: 'powered', textContent: t('poweredBy') });

  const quickActions = options.quickActions?.length
    ? [el('div', { className: 'quick-actions' }, options.quickActions)]
    : [];
  root.replaceChildren(header, thread, offline, error, ...quickActions, form, footer);
  root.removeAttribute('aria-busy');

  const resize = () => {
    input.style.height = 'auto';
    input.style.height = `${Math.min(input.scrollHeight, 120)}px`;
    send.disabled = input.value.trim().length === 0;
  };
  input.addEventListener('input', () => {
    resize();
    options.onInput(input.value);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = input.value;
    if (text.trim().length === 0) return;
    input.value = '';
    resize();
    if (!(await options.onSend(text))) {
      input.value = text; // nothing is lost: the shopper can try again
      resize();
    }
    input.focus();
  });

  const shopperBubble = (text: string, pending: boolean, meta: string) =>
    el('li', { className: `message shopper${pending ? ' pending' : ''}` }, [
      el('div', { className: 'bubble', textContent: text }),
      el('div', { className: 'meta', textContent: meta }),
    ]);

  return {
    focus: () => input.focus(),
    /** Puts text back in the composer (after what the shopper may have typed since). */
    restoreDraft(text: string) {
      input.value = input.value ? `${text}\n${input.value}` : text;
      resize();
    },
    /** "Waiting for connection…" while the browser is offline. */
    showOffline(isOffline: boolean) {
      offline.hidden = !isOffline;
    },
    /** The texts waiting for the conversation to start, under the thread, as "Sending…". */
    showWaiting(texts: readonly string[]) {
      waitingList.replaceChildren(...texts.map((text) => shopperBubble(text, true, t('sending'))));
      if (texts.length > 0) thread.scrollTop = thread.scrollHeight;
    },
    showError(message: string | null) {
      error.textContent = message ?? '';
    },
    /** A required pre-chat form holds the composer until it is filled in. */
    setComposerEnabled(enabled: boolean) {
      input.disabled = !enabled;
      send.disabled = !enabled || input.value.trim().length === 0;
    },
    /** Shows a card under the messages, or removes it (null). */
    setAside(node: HTMLElement | null) {
      aside.replaceChildren(...(node ? [node] : []));
      if (node) thread.scrollTop = thread.scrollHeight;
    },
    /** Shows the panel a quick action opened, scrolled into view, or removes it (null). */
    setPanel(node: HTMLElement | null) {
      panel.replaceChildren(...(node ? [node] : []));
      if (node) node.scrollIntoView({ block: 'nearest' });
    },
    /** The merchant ended the conversation: writing again reopens it. */
    showEnded(isEnded: boolean) {
      ended.hidden = !isEnded;
    },
    /** "Camille is typing…", or nothing. */
    showTyping(name: string | null) {
      const text = name ? widgetText(lang, 'typing', { name }) : '';
      if (typing.textContent !== text) typing.textContent = text;
    },
    /** Marks the shopper's last message "Seen" once an operator has read past it. */
    showSeen(operatorReadAt: number | null, messages: ThreadMessage[]) {
      list.querySelector('.seen')?.remove();
      const last = [...messages].reverse().find((m) => m.author === 'shopper');
      if (!last?.createdAt || operatorReadAt === null) return;
      if (operatorReadAt < last.createdAt.getTime()) return;
      const item = list.querySelector<HTMLElement>(`li[data-id="${last.id}"]`);
      item?.append(el('div', { className: 'seen', textContent: t('seen') }));
    },
    showMessages(messages: ThreadMessage[]) {
      const atBottom = thread.scrollHeight - thread.scrollTop - thread.clientHeight < 40;
      list.replaceChildren(
        ...messages.map((m) => {
          const meta: string[] = [];
          if (m.author === 'operator' && m.authorName) meta.push(m.authorName);
          if (m.via === 'email') meta.push(t('viaEmail'));
          // Not on the server yet (offline, or on its way): say so rather than a time.
          if (m.pending && m.author === 'shopper') meta.push(t('sending'));
          else if (m.createdAt) meta.push(time.format(m.createdAt));
          const item = el(
            'li',
            { className: `message ${m.author}${m.pending ? ' pending' : ''}` },
            [
              options.renderRich?.(m) ?? el('div', { className: 'bubble', textContent: m.text }),
              el('div', { className: 'meta', textContent: meta.join(' · ') }),
            ],
          );
          item.dataset.id = m.id;
          return item;
        }),
      );
      if (atBottom || messages.at(-1)?.author === 'shopper') thread.scrollTop = thread.scrollHeight;
    },
  };
}

export function renderFatal(root: HTMLElement, message: string) {
  const note = el('p', { className: 'fatal', textContent: message });
  note.setAttribute('role', 'alert');
  root.replaceChildren(note);
  root.removeAttribute('aria-busy');
}
