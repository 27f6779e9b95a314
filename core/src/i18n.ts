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
    firstName: 'First name',
    lastName: 'Last name',
    email: 'Email',
    phone: 'Phone',
    message: 'Message',
    optional: 'optional',
    sendForm: 'Send message',
    sending: 'Sending…',
    formSent: 'Thank you! Your message has been sent. We will get back to you soon.',
    formFailed: 'Your message could not be sent. Please try again.',
    errorRequired: 'Please fill in this field.',
    errorTooLong: 'This is too long (at most {max} characters).',
    errorEmail: 'Enter a valid email address, like name@example.com.',
    errorPhone: 'Enter a valid phone number (digits, spaces and +).',
    errorNotText: 'Please enter text.',
    storeFull:
      'All our advisers are busy with other customers. Leave us a message and we will get back to you.',
    storeOffline:
      'Nobody is available to chat right now. Leave us a message and we will get back to you.',
    chatUnavailable: 'Nobody is available to chat right now. Please try again later.',
    typing: '{name} is typing…',
    seen: 'Seen',
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
    firstName: 'Prénom',
    lastName: 'Nom',
    email: 'E-mail',
    phone: 'Téléphone',
    message: 'Message',
    optional: 'facultatif',
    sendForm: 'Envoyer le message',
    sending: 'Envoi…',
    formSent: 'Merci ! Votre message a bien été envoyé. Nous vous répondrons rapidement.',
    formFailed: "Votre message n'a pas pu être envoyé. Veuillez réessayer.",
    errorRequired: 'Veuillez remplir ce champ.',
    errorTooLong: 'Ce texte est trop long ({max} caractères au plus).',
    errorEmail: 'Saisissez une adresse e-mail valide, comme nom@exemple.fr.',
    errorPhone: 'Saisissez un numéro de téléphone valide (chiffres, espaces et +).',
    errorNotText: 'Veuillez saisir du texte.',
    storeFull:
      'Tous nos conseillers sont occupés. Laissez-nous un message et nous vous répondrons rapidement.',
    storeOffline:
      "Personne n'est disponible pour discuter en ce moment. Laissez-nous un message et nous vous répondrons rapidement.",
    chatUnavailable: "Personne n'est disponible pour discuter en ce moment. Réessayez plus tard.",
    typing: '{name} écrit…',
    seen: 'Vu',
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
