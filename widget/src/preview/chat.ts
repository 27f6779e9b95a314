/**
 * The chat app in preview mode (/widget/preview-chat.html): the same views and stylesheet
 * as the live chat, fed the console's unsaved settings instead of Firestore. Nothing here
 * signs in or writes anything; a message "sent" in the preview stays on the page.
 */
import {
  isPreviewMessage,
  PREVIEW_PROTOCOL,
  resolveLanguage,
  WIDGET_LANGUAGES,
  type PreviewState,
} from '@comptoir/core';
import type { ThreadMessage } from '../chat/data';
import { renderContactForm } from '../chat/contactForm';
import { renderChat } from '../chat/view';
import { sampleThread } from './samples';

const root = document.getElementById('app')!;
const noop = () => undefined;

function render(state: PreviewState) {
  const { settings, view } = state;
  const uiLang = resolveLanguage([state.lang, settings.defaultLanguage], WIDGET_LANGUAGES);
  document.documentElement.lang = uiLang;
  const pick = (texts: PreviewState['settings']['texts']) =>
    texts[state.lang] ?? texts[settings.defaultLanguage] ?? { header: '', welcome: '' };

  if (view === 'form') {
    renderContactForm(root, {
      lang: uiLang,
      texts: pick(settings.offlineForm.texts),
      settings,
      closable: true,
      onClose: noop,
      onSubmit: async () => ({ ok: true }),
    });
    return;
  }
  let messages: ThreadMessage[] = sampleThread(
    uiLang,
    state.operatorName,
    state.autoReply ? { text: state.autoReply, storeName: settings.storeName } : null,
  );
  const chat = renderChat(root, {
    lang: uiLang,
    texts: pick(settings.texts),
    settings,
    closable: true,
    onClose: noop,
    onInput: noop,
    onSend: async (text) => {
      messages = [
        ...messages,
        {
          id: `local-${messages.length}`,
          author: 'shopper',
          authorUid: 'preview',
          text,
          createdAt: new Date(),
          pending: false,
        },
      ];
      chat.showMessages(messages);
      return true;
    },
  });
  chat.showMessages(messages);
}

// Only the preview stage (same origin, our parent window) may drive this page.
window.addEventListener('message', (event) => {
  if (event.origin !== location.origin || event.source !== window.parent) return;
  if (isPreviewMessage(event.data) && event.data.type === 'state') render(event.data.state);
});
window.parent.postMessage({ protocol: PREVIEW_PROTOCOL, type: 'ready' }, location.origin);
