/**
 * Words for the commerce features (cart lines, discount cards, product cards, order
 * lookup), apart from the chat's own strings in i18n.ts. Every language ships every key.
 */

export const commerceStrings = {
  en: {
    cartAdded: 'Added {what}',
    cartRemoved: 'Removed {what}',
    cartAddedOne: 'Added an item to the cart',
    cartAddedMany: 'Added {count} items to the cart',
    cartRemovedOne: 'Removed an item from the cart',
    cartRemovedMany: 'Removed {count} items from the cart',
    cartMore: '…and {count} more changes',
    cartSnapshotOne: 'Cart: 1 item · {subtotal}',
    cartSnapshot: 'Cart: {count} items · {subtotal}',
  },
  fr: {
    cartAdded: 'Ajout : {what}',
    cartRemoved: 'Retrait : {what}',
    cartAddedOne: 'Ajout d’un article au panier',
    cartAddedMany: 'Ajout de {count} articles au panier',
    cartRemovedOne: 'Retrait d’un article du panier',
    cartRemovedMany: 'Retrait de {count} articles du panier',
    cartMore: '…et {count} autres changements',
    cartSnapshotOne: 'Panier : 1 article · {subtotal}',
    cartSnapshot: 'Panier : {count} articles · {subtotal}',
  },
} as const;

export type CommerceStringKey = keyof (typeof commerceStrings)['en'];

/** Looks up one commerce string in `lang` (English when missing) and fills `{placeholders}`. */
export function commerceText(
  lang: string,
  key: CommerceStringKey,
  params: Record<string, string | number> = {},
): string {
  const table: Record<CommerceStringKey, string> =
    commerceStrings[lang as keyof typeof commerceStrings] ?? commerceStrings.en;
  return table[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}
