/**
 * The console's live preview stage (/widget/preview.html): a stand-in store page with the
 * real launcher (the loader's own module) and, in its panel, the chat app in preview mode.
 * The Settings page sends every edit here; the stage restyles the launcher and passes the
 * state on to the chat frame. Messages are accepted only from the same origin (the console
 * is served by the same Hosting) and only from the expected window.
 */
import {
  isPreviewMessage,
  PREVIEW_PROTOCOL,
  resolveLanguage,
  LAUNCHER_LANGUAGES,
  type PreviewMessage,
  type PreviewState,
} from '@comptoir/core';
import { createLauncher } from '../loader/launcher';

const params = new URLSearchParams(location.search);
let open = true;
let latest: PreviewState | null = null;
let chatReady = false;

const ui = createLauncher({
  lang: resolveLanguage([params.get('lang')], LAUNCHER_LANGUAGES),
  onToggle: () => {
    open = !open;
    ui.setOpen(open);
  },
});
ui.show({ position: 'bottom-right', color: '#1f6f5c' });
const frame = ui.mountFrame(new URL('preview-chat.html', location.href).href);
ui.setOpen(true);

const post = (target: Window, message: PreviewMessage) =>
  target.postMessage(message, location.origin);

function forward() {
  if (latest && chatReady && frame.contentWindow) {
    post(frame.contentWindow, { protocol: PREVIEW_PROTOCOL, type: 'state', state: latest });
  }
}

window.addEventListener('message', (event) => {
  if (event.origin !== location.origin || !isPreviewMessage(event.data)) return;
  if (event.source === frame.contentWindow && event.data.type === 'ready') {
    chatReady = true;
    forward();
  } else if (event.source === window.parent && event.data.type === 'state') {
    const previous = latest;
    latest = event.data.state;
    ui.show(latest.settings.launcher);
    // Switching to the form or another language: show it, even if the panel was closed.
    const switched = previous?.view !== latest.view || previous?.lang !== latest.lang;
    if (switched && !open) {
      open = true;
      ui.setOpen(true);
    }
    forward();
  }
});

if (window.parent !== window) post(window.parent, { protocol: PREVIEW_PROTOCOL, type: 'ready' });
