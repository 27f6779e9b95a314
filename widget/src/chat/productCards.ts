/**
 * Product cards in the shopper's thread: image, name, price in the shopper's language, and a
 * link to the product page. Plain DOM and textContent only, like view.ts; links and images
 * are used only when http(s) (checked again here though the import refused anything else).
 */
import { commerceText, describeProductPrice, isWebUrl, type SharedProduct } from '@comptoir/core';
import { h } from './rich';

/**
 * Where a product link opens. Embedded on the store's page, the store's own tab (`_top`):
 * the shopper stays in the shop, and the chat follows them to the next page. Opened on its
 * own (no store page around it), a new tab.
 */
export const productLinkTarget = (embedded: boolean) => (embedded ? '_top' : '_blank');

function productCard(p: SharedProduct, lang: string, target: string): HTMLElement {
  const name = h('p', 'product-name', [p.name]);
  const price = h('p', 'product-price', [describeProductPrice(p, lang)]);
  if (!p.available) {
    price.append(h('span', 'product-stock', [` · ${commerceText(lang, 'productUnavailable')}`]));
  }
  const art = isWebUrl(p.imageUrl) ? h('img', 'product-art') : h('span', 'product-art empty');
  if (art instanceof HTMLImageElement) {
    art.src = p.imageUrl!;
    art.alt = '';
    art.loading = 'lazy';
  }
  const body = h('div', 'product-body', [name, price]);
  if (!isWebUrl(p.url)) return h('div', 'card product-card', [art, body]);
  // The whole card is the link: a big target, and one stop for the keyboard.
  body.append(h('span', 'product-view', [commerceText(lang, 'productView')]));
  const link = h('a', 'card product-card', [art, body]);
  link.href = p.url;
  link.target = target;
  link.rel = 'noopener';
  return link;
}

/** The cards of one message, as one list. */
export function productCards(products: readonly SharedProduct[], lang: string, embedded: boolean) {
  const target = productLinkTarget(embedded);
  const list = h(
    'ul',
    'product-cards',
    products.map((p) => h('li', '', [productCard(p, lang, target)])),
  );
  list.setAttribute('aria-label', commerceText(lang, 'productsLabel'));
  return list;
}
