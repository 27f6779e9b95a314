/**
 * The chat app's side of the postMessage protocol. The host page's origin comes from the
 * loader (query parameter) and is cross-checked with what the browser says embeds us;
 * messages go only to that origin and are accepted only from the parent window.
 */
import { envelope, isEnvelope, type ChatToHost, type HostToChat } from '../protocol';

export interface HostBridge {
  /** False when the app runs on its own (opened directly, or the console's preview). */
  embedded: boolean;
  send(message: ChatToHost): void;
  on<K extends HostToChat['type']>(
    type: K,
    handler: (message: Extract<HostToChat, { type: K }>) => void,
  ): void;
}

function embeddingOrigin(): string | null {
  const ancestors = window.location.ancestorOrigins;
  if (ancestors && ancestors.length > 0) return ancestors[0] ?? null;
  try {
    return document.referrer ? new URL(document.referrer).origin : null;
  } catch {
    return null;
  }
}

export function connectHost(claimedOrigin: string | null): HostBridge {
  const embedded = window.parent !== window;
  const actual = embeddingOrigin();
  // NOTE: trust the claimed origin only if the browser agrees; otherwise stay silent.
  const hostOrigin = embedded && claimedOrigin && claimedOrigin === actual ? claimedOrigin : null;
  const handlers = new Map<string, (message: HostToChat) => void>();

  if (hostOrigin) {
    window.addEventListener('message', (event) => {
      if (event.origin !== hostOrigin || event.source !== window.parent) return;
      if (!isEnvelope(event.data)) return;
      handlers.get(event.data.type)?.(event.data as unknown as HostToChat);
    });
  }

  return {
    embedded: hostOrigin !== null,
    send(message) {
      if (hostOrigin) window.parent.postMessage(envelope(message), hostOrigin);
    },
    on(type, handler) {
      handlers.set(type, handler as (message: HostToChat) => void);
    },
  };
}
