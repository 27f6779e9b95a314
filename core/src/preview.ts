/**
 * The console's live preview: the Settings page drives the real widget (the launcher and
 * the chat app, served from /widget/preview.html) with the settings being edited, before
 * they are saved. Both sides are on the same Hosting origin and accept messages only
 * from it, and only from the window they expect.
 */
import type { WidgetSettings } from './types';

export const PREVIEW_PROTOCOL = 'comptoir-preview/1';

/** What the preview shows: the live chat, or the offline contact form. */
export type PreviewView = 'chat' | 'form';

export interface PreviewState {
  settings: WidgetSettings;
  /** The language the merchant is looking at. */
  lang: string;
  view: PreviewView;
  /** Shown under the sample reply, as shoppers see an operator's name. */
  operatorName: string;
  /** The automatic first response in this language, when it is on (shown after the question). */
  autoReply: string | null;
}

export type PreviewMessage =
  | { protocol: typeof PREVIEW_PROTOCOL; type: 'ready' }
  | { protocol: typeof PREVIEW_PROTOCOL; type: 'state'; state: PreviewState };

/** True when `data` is one of the preview's messages (the origin is checked by the caller). */
export function isPreviewMessage(data: unknown): data is PreviewMessage {
  const message = data as { protocol?: unknown; type?: unknown } | null;
  return (
    typeof message === 'object' &&
    message !== null &&
    message.protocol === PREVIEW_PROTOCOL &&
    (message.type === 'ready' || message.type === 'state')
  );
}

/** Where the preview page lives, relative to the Hosting origin. */
export const PREVIEW_PAGE = '/widget/preview.html';
