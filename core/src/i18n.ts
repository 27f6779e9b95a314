/**
 * The widget's own interface strings (not the merchant's texts, which live in
 * `WidgetSettings.texts`). Every language ships every key: the type makes a missing
 * translation a compile error.
 */
import { primaryLanguage } from './validation';

export const widgetStrings = {
  en: {
    launcherOpen: 'Open chat',
    launcherClose: 'Close chat',
    composerPlaceholder: 'Write a message…',
    composerLabel: 'Your message',
    send: 'Send',
    you: 'You',
    close: 'Close',
    connecting: 'Connecting…',
    sendFailed: 'Your message could not be sent. Try again.',
    unread: '{count} unread messages',
    poweredBy: 'Chat by Comptoir',
  },
  fr: {
    launcherOpen: 'Ouvrir la discussion',
    launcherClose: 'Fermer la discussion',
    composerPlaceholder: 'Écrivez un message…',
    composerLabel: 'Votre message',
    send: 'Envoyer',
    you: 'Vous',
    close: 'Fermer',
    connecting: 'Connexion…',
    sendFailed: "Votre message n'a pas pu être envoyé. Réessayez.",
    unread: '{count} messages non lus',
    poweredBy: 'Discussion par Comptoir',
  },
} as const;

export type WidgetStringKey = keyof (typeof widgetStrings)['en'];
export type WidgetLanguage = keyof typeof widgetStrings;
export const WIDGET_LANGUAGES = Object.keys(widgetStrings) as WidgetLanguage[];

/**
 * Picks the first supported language among the page's, the store's default, then English,
 * so a shopper never sees an empty label.
 */
export function resolveLanguage(
  candidates: readonly unknown[],
  supported: readonly string[],
  fallback = 'en',
): string {
  for (const candidate of candidates) {
    const lang = primaryLanguage(candidate);
    if (lang && supported.includes(lang)) return lang;
  }
  return fallback;
}

/** Looks up one widget string and fills `{placeholders}`. */
export function widgetText(
  lang: string,
  key: WidgetStringKey,
  params: Record<string, string | number> = {},
): string {
  const table =
    (widgetStrings as Record<string, Record<WidgetStringKey, string>>)[lang] ?? widgetStrings.en;
  return table[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}
