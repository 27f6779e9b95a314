/**
 * The widget's own interface strings (not the merchant's texts, which live in
 * `WidgetSettings.texts`). Every language ships every key: the type makes a missing
 * translation a compile error.
 */
import { primaryLanguage } from './validation';

/**
 * The few strings the loader needs on the store's page, apart so that the page does not
 * download the whole chat's vocabulary (the loader has a 4 KB budget).
 */
export const launcherStrings = {
  en: {
    launcherOpen: 'Open chat',
    launcherClose: 'Close chat',
    unread: '{count} unread messages',
    unavailable: 'The chat could not be reached.',
  },
  fr: {
    launcherOpen: 'Ouvrir la discussion',
    launcherClose: 'Fermer la discussion',
    unread: '{count} messages non lus',
    unavailable: "La discussion n'a pas pu être jointe.",
  },
} as const;

/** The chat app's strings (the launcher's are looked up in launcherStrings). */
export const widgetStrings = {
  en: {
    composerPlaceholder: 'Write a message…',
    composerLabel: 'Your message',
    send: 'Send',
    you: 'You',
    close: 'Close',
    connecting: 'Connecting…',
    sendFailed: 'Your message could not be sent. Try again.',
    waitingForConnection:
      'Waiting for connection… Your messages will be sent as soon as you are back online.',
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
    conversationEnded: 'This conversation has ended. Write again if you need anything else.',
    askEmailTitle: 'Get our answer by email',
    askEmailText: 'If you leave before we reply, we will send our answer to this address.',
    askEmailConsent: 'We use it only to answer this conversation.',
    name: 'Name',
    askEmailSave: 'Email me the answer',
    askEmailDismiss: 'No thanks',
    askEmailSaved: 'Thanks! If you have left when we answer, we will write to {email}.',
    resumeFailed: 'This link has expired. Write to us again and we will answer.',
    viaEmail: 'by email',
    preChatTitle: 'Before we start',
    preChatText: 'Leave your email so we can answer you, even after you leave the store.',
    preChatSave: 'Start the chat',
  },
  fr: {
    composerPlaceholder: 'Écrivez un message…',
    composerLabel: 'Votre message',
    send: 'Envoyer',
    you: 'Vous',
    close: 'Fermer',
    connecting: 'Connexion…',
    sendFailed: "Votre message n'a pas pu être envoyé. Réessayez.",
    waitingForConnection:
      'En attente de connexion… Vos messages partiront dès le retour de la connexion.',
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
    conversationEnded:
      'Cette conversation est terminée. Écrivez-nous si vous avez besoin d’autre chose.',
    askEmailTitle: 'Recevez notre réponse par e-mail',
    askEmailText: 'Si vous partez avant notre réponse, nous vous l’enverrons à cette adresse.',
    askEmailConsent: 'Nous l’utilisons uniquement pour répondre à cette conversation.',
    name: 'Nom',
    askEmailSave: 'M’envoyer la réponse',
    askEmailDismiss: 'Non merci',
    askEmailSaved: 'Merci ! Si vous êtes parti à notre réponse, nous écrirons à {email}.',
    resumeFailed: 'Ce lien a expiré. Écrivez-nous à nouveau et nous vous répondrons.',
    viaEmail: 'par e-mail',
    preChatTitle: 'Avant de commencer',
    preChatText:
      'Laissez votre e-mail pour que nous puissions vous répondre, même après votre départ.',
    preChatSave: 'Commencer la discussion',
  },
} as const;

export type WidgetStringKey = keyof (typeof widgetStrings)['en'] | LauncherStringKey;
export type WidgetLanguage = keyof typeof widgetStrings;
export const WIDGET_LANGUAGES = /* @__PURE__ */ Object.keys(widgetStrings) as WidgetLanguage[];
/** The same languages, without pulling the chat's strings into the loader. */
export const LAUNCHER_LANGUAGES = /* @__PURE__ */ Object.keys(launcherStrings) as WidgetLanguage[];

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

function lookup<K extends string>(
  tables: Record<string, Record<K, string>>,
  lang: string,
  key: K,
  params: Record<string, string | number>,
): string {
  const table = tables[lang] ?? tables.en!;
  return table[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

export type LauncherStringKey = keyof (typeof launcherStrings)['en'];

/** Looks up one widget string (the chat's or the launcher's) and fills `{placeholders}`. */
export const widgetText = (
  lang: string,
  key: WidgetStringKey,
  params: Record<string, string | number> = {},
) =>
  key in launcherStrings.en
    ? lookup(launcherStrings, lang, key as LauncherStringKey, params)
    : lookup(widgetStrings, lang, key as Exclude<WidgetStringKey, LauncherStringKey>, params);

/** The loader's own lookup: only the launcher's strings end up on the store's page. */
export const launcherText = (
  lang: string,
  key: LauncherStringKey,
  params: Record<string, string | number> = {},
) => lookup(launcherStrings, lang, key, params);
