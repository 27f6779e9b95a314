/**
 * The launcher button and the panel that holds the chat iframe, inside a shadow root so
 * the store's CSS cannot restyle them and theirs cannot leak into the store.
 */
import { launcherText, type AvailabilityResponse } from '@comptoir/core';

const CHAT_ICON =
  '<svg viewBox="0 0 24 24" width="26" height="26" aria-hidden="true"><path fill="currentColor" d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z"/></svg>';
const CLOSE_ICON =
  '<svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true"><path fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" d="M6 6l12 12M18 6L6 18"/></svg>';

const STYLE = `
:host{all:initial}
.launcher{position:fixed;bottom:20px;z-index:2147483000;width:58px;height:58px;border-radius:50%;border:0;
 color:#fff;cursor:pointer;display:flex;align-items:center;justify-content:center;
 box-shadow:0 6px 20px rgba(0,0,0,.22);transition:transform .15s ease}
.launcher:hover{transform:scale(1.06)}
.launcher:focus-visible{outline:3px solid #ffbf47;outline-offset:3px}
.right{right:20px}.left{left:20px}
.icon{display:flex}
.badge{position:absolute;top:-4px;right:-4px;min-width:20px;height:20px;padding:0 5px;border-radius:10px;
 background:#d93025;color:#fff;font:600 12px/20px system-ui,sans-serif;text-align:center}
.badge[hidden]{display:none}
.panel{position:fixed;bottom:92px;z-index:2147483000;width:380px;height:min(620px,calc(100vh - 120px));
 border-radius:16px;overflow:hidden;background:#fff;box-shadow:0 12px 40px rgba(0,0,0,.25)}
.panel[hidden]{display:none}
.panel iframe{border:0;width:100%;height:100%;display:block}
@media (max-width:480px){.panel{inset:0;width:100%;height:100%;border-radius:0;bottom:0}}
@media (prefers-reduced-motion:reduce){.launcher{transition:none}}
`;

export interface LauncherOptions {
  lang: string;
  onToggle(): void;
}

export function createLauncher({ lang, onToggle }: LauncherOptions) {
  const host = document.createElement('div');
  host.id = 'comptoir-widget';
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = `<style>${STYLE}</style>
<div class="panel" hidden></div>
<button class="launcher" type="button" aria-expanded="false" hidden><span class="icon">${CHAT_ICON}</span><span class="badge" hidden></span></button>`;
  const panel = root.querySelector<HTMLDivElement>('.panel')!;
  const button = root.querySelector<HTMLButtonElement>('.launcher')!;
  const icon = root.querySelector<HTMLSpanElement>('.icon')!;
  const badge = root.querySelector<HTMLSpanElement>('.badge')!;
  button.setAttribute('aria-label', launcherText(lang, 'launcherOpen'));
  button.addEventListener('click', onToggle);

  return {
    show(launcher: AvailabilityResponse['launcher'] | undefined) {
      const left = launcher?.position === 'bottom-left';
      // Called again by the console's preview as the merchant edits the launcher.
      for (const node of [button, panel]) {
        node.classList.toggle('left', left);
        node.classList.toggle('right', !left);
      }
      button.style.background = launcher?.color ?? '#1f6f5c';
      button.hidden = false;
      // NOTE: moving the host would reload the chat iframe inside it: attach it once.
      if (!host.isConnected) document.body.appendChild(host);
    },
    mountFrame(src: string) {
      const frame = document.createElement('iframe');
      frame.src = src;
      frame.title = launcherText(lang, 'launcherOpen');
      frame.allow = 'clipboard-write';
      panel.appendChild(frame);
      return frame;
    },
    setOpen(open: boolean) {
      panel.hidden = !open;
      button.setAttribute('aria-expanded', String(open));
      button.setAttribute(
        'aria-label',
        launcherText(lang, open ? 'launcherClose' : 'launcherOpen'),
      );
      icon.innerHTML = open ? CLOSE_ICON : CHAT_ICON;
      if (open) this.setUnread(0);
    },
    focus: () => button.focus(),
    setUnread(count: number) {
      badge.hidden = count === 0;
      badge.textContent = count > 9 ? '9+' : String(count);
      badge.setAttribute('aria-label', launcherText(lang, 'unread', { count }));
    },
  };
}
