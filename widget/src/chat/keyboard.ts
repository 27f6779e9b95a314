/**
 * Keyboard use of the embedded chat: Escape closes it, wherever focus is in the chat, and
 * the loader then gives focus back to the launcher (WAI-ARIA dialog practice).
 */
import type { HostBridge } from './hostBridge';

export function closeOnEscape(host: HostBridge) {
  if (!host.embedded) return;
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !event.defaultPrevented && !event.isComposing) {
      host.send({ type: 'close' });
    }
  });
}
