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
    discountApplied: 'Discount {code} applied',
    discountTitle: 'A discount for you',
    discountPercent: '{value}% off',
    discountAmount: '{amount} off',
    discountFreeShipping: 'Free shipping',
    discountMinimum: 'On orders from {amount}',
    discountUntil: 'Until {date}',
    discountApply: 'Apply',
    discountApplying: 'Applying…',
    discountAppliedBadge: 'Applied to your cart',
    discountCopy: 'Copy code',
    discountFailed: 'The code could not be applied. Please try again.',
    productView: 'View product',
    productUnavailable: 'Out of stock',
    productsLabel: 'Products shared with you',
    refusedInactive: 'This code is no longer active.',
    refusedNotStarted: 'This code can be used from {date}.',
    refusedExpired: 'This code expired on {date}.',
    refusedUsedUp: 'This code has been used as many times as allowed.',
    refusedAlreadyApplied: 'You have already used this code.',
    refusedCurrency: 'This code only works for carts in {currency}.',
    refusedMinimum: 'This code needs a cart of at least {minimum}: add {missing} more to use it.',
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
    discountApplied: 'Code promo {code} appliqué',
    discountTitle: 'Une remise pour vous',
    discountPercent: '-{value} %',
    discountAmount: '-{amount}',
    discountFreeShipping: 'Livraison offerte',
    discountMinimum: 'Dès {amount} d’achat',
    discountUntil: 'Jusqu’au {date}',
    discountApply: 'Appliquer',
    discountApplying: 'Application…',
    discountAppliedBadge: 'Appliqué à votre panier',
    discountCopy: 'Copier le code',
    discountFailed: 'Le code n’a pas pu être appliqué. Veuillez réessayer.',
    productView: 'Voir le produit',
    productUnavailable: 'En rupture de stock',
    productsLabel: 'Produits partagés avec vous',
    refusedInactive: 'Ce code n’est plus actif.',
    refusedNotStarted: 'Ce code est utilisable à partir du {date}.',
    refusedExpired: 'Ce code a expiré le {date}.',
    refusedUsedUp: 'Ce code a atteint son nombre maximal d’utilisations.',
    refusedAlreadyApplied: 'Vous avez déjà utilisé ce code.',
    refusedCurrency: 'Ce code ne vaut que pour les paniers en {currency}.',
    refusedMinimum:
      'Ce code demande un panier d’au moins {minimum} : ajoutez encore {missing} pour l’utiliser.',
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
