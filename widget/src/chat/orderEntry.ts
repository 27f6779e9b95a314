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

export function orderLookupEntry(options: OrderEntryOptions): HTMLButtonElement {
  const { lang, storeId } = options;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'quick-action';
  button.textContent = commerceText(lang, 'orderLookupAction');
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
