/**
 * The "Where is my order?" quick action: a button that is always there (before, during and
 * without a conversation, and beside the offline form), opening the order lookup card. The
 * card's code loads only when a shopper first asks (orderLookup.ts is a separate chunk).
 */
import { commerceText } from '@comptoir/core';
import './orderEntry.css';

export interface OrderEntryOptions {
  lang: string;
  storeId: string;
  /** Puts the card where this screen shows panels, or takes it away (null). */
  mount(card: HTMLElement | null): void;
}

export const ORDER_LOOKUP_ID = 'order-lookup';

/** A parcel, drawn (an emoji may be missing from the shopper's fonts). */
function parcelIcon(): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', 'quick-action-icon');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute(
    'd',
    'M3 7.5 12 3l9 4.5v9L12 21l-9-4.5zM3 7.5l9 4.5 9-4.5M12 12v9M7.5 5.25l9 4.5',
  );
  svg.append(path);
  return svg;
}

export function orderLookupEntry(options: OrderEntryOptions): HTMLButtonElement {
  const { lang, storeId } = options;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'quick-action';
  button.append(parcelIcon(), commerceText(lang, 'orderLookupAction'));
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-controls', ORDER_LOOKUP_ID);
  let card: HTMLElement | null = null;

  const close = () => {
    options.mount(null);
    card = null;
    button.setAttribute('aria-expanded', 'false');
    button.focus();
  };

  button.addEventListener('click', async () => {
    if (!card) {
      button.disabled = true;
      try {
        const { renderOrderLookup } = await import('./orderLookup');
        card = renderOrderLookup({ lang, storeId, onClose: close });
      } catch (error) {
        console.error(error); // the chunk could not load: the button stays, try again
        return;
      } finally {
        button.disabled = false;
      }
      options.mount(card);
      button.setAttribute('aria-expanded', 'true');
    }
    card.querySelector<HTMLElement>('input, a, button:not(.order-close)')?.focus();
  });
  return button;
}
