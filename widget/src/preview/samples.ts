/**
 * A short sample conversation for the console's preview, in the preview's language, so
 * the merchant sees both bubble colors and how an operator's name shows under replies.
 */
import type { ThreadMessage } from '../chat/data';

const SAMPLES = {
  en: ['Hello! Do you deliver to Belgium?', 'Yes, we do: delivery takes 2 to 3 days.'],
  fr: ['Bonjour ! Livrez-vous en Belgique ?', 'Oui : la livraison prend 2 à 3 jours.'],
} as const;

export function sampleThread(
  lang: string,
  operatorName: string,
  autoReply: { text: string; storeName: string } | null,
): ThreadMessage[] {
  const [question, answer] = SAMPLES[lang as keyof typeof SAMPLES] ?? SAMPLES.en;
  const now = Date.now();
  const automatic: ThreadMessage[] = autoReply
    ? [
        {
          id: 'sample-automatic',
          author: 'operator',
          authorUid: 'preview',
          authorName: autoReply.storeName,
          text: autoReply.text,
          createdAt: new Date(now - 119_000),
          pending: false,
        },
      ]
    : [];
  return [
    {
      id: 'sample-shopper',
      author: 'shopper',
      authorUid: 'preview',
      text: question,
      createdAt: new Date(now - 120_000),
      pending: false,
    },
    ...automatic,
    {
      id: 'sample-operator',
      author: 'operator',
      authorUid: 'preview',
      authorName: operatorName,
      text: answer,
      createdAt: new Date(now - 60_000),
      pending: false,
    },
  ];
}
