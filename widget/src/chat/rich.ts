/**
 * Messages that are more than text: system lines (worded in the shopper's language from
 * their structured event), discount cards with their Apply button, and product cards
 * (productCards.ts). Plain DOM and
 * textContent only, like view.ts. Card nodes are kept across renders (the view rebuilds
 * the list on every snapshot), so an Apply in progress or its error survives new messages.
 */
import {
  commerceText,
  describeApplyRefusal,
  describeDiscount,
  describeDiscountTerms,
  describeSystemEvent,
  type ApplyRefusal,
  type CommerceStringKey,
  type SharedDiscount,
} from '@comptoir/core';
import { FirebaseError } from 'firebase/app';
import type { HostBridge } from './hostBridge';
import { applyDiscount } from './commerceData';
import { productCards } from './productCards';
import type { ThreadMessage } from './data';
import './commerce.css';

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  children: (Node | string)[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  node.append(...children);
  return node;
}

export interface RichOptions {
  lang: string;
  storeId: string;
  conversationId(): string | null;
  host: HostBridge;
}

interface Card {
  node: HTMLElement;
  markApplied(): void;
}

/** The view's `renderRich`: a node for a rich message, or null for a plain bubble. */
export function richRenderer(options: RichOptions) {
  const { lang } = options;
  const t = (key: CommerceStringKey, params?: Record<string, string | number>) =>
    commerceText(lang, key, params);
  const cards = new Map<string, Card & { code: string }>();
  const appliedCodes = new Set<string>();
  const productNodes = new Map<string, HTMLElement>();

  function discountCard(messageId: string, d: SharedDiscount): Card {
    const action = h('button', 'card-action', [t('discountApply')]);
    action.type = 'button';
    const error = h('p', 'card-error');
    error.setAttribute('role', 'alert');
    const terms = describeDiscountTerms(d, lang);
    const node = h('div', 'card discount-card', [
      h('p', 'card-kicker', [t('discountTitle')]),
      h('p', 'card-title', [describeDiscount(d, lang)]),
      h('p', 'card-code', [h('code', '', [d.code])]),
      ...(terms ? [h('p', 'card-terms', [terms])] : []),
      action,
      error,
    ]);
    const markApplied = () =>
      action.replaceWith(h('p', 'card-applied', [t('discountAppliedBadge')]));
    action.addEventListener('click', async () => {
      const conversationId = options.conversationId();
      if (!conversationId) return;
      action.disabled = true;
      action.textContent = t('discountApplying');
      error.textContent = '';
      try {
        const { data } = await applyDiscount({
          storeId: options.storeId,
          conversationId,
          messageId,
        });
        appliedCodes.add(d.code);
        markApplied();
        // The store's page applies it to its own cart (comptoir:discount, onDiscount).
        options.host.send({ type: 'discount', discount: data.discount });
      } catch (e) {
        action.disabled = false;
        action.textContent = t('discountApply');
        error.textContent = refusalText(e);
      }
    });
    return { node, markApplied };
  }

  function refusalText(e: unknown): string {
    if (!(e instanceof FirebaseError)) return t('discountFailed');
    const details = (e as FirebaseError & { details?: ApplyRefusal }).details;
    try {
      if (details?.code) return describeApplyRefusal(details, lang);
    } catch {
      // a refusal this version does not know: the server's own words below
    }
    return e.code.startsWith('functions/') && e.code !== 'functions/internal'
      ? e.message.replace(/\s*\[\d{3}\]$/, '')
      : t('discountFailed');
  }

  return (m: ThreadMessage): Node | null => {
    if (m.author === 'system' && m.event) {
      if (m.event.kind === 'discount-applied') {
        const code = m.event.code;
        appliedCodes.add(code);
        for (const card of cards.values()) if (card.code === code) card.markApplied();
      }
      return h('div', 'bubble', [describeSystemEvent(m.event, lang)]);
    }
    if (m.products?.length) {
      // Kept across renders like discount cards: the images are not fetched again.
      let node = productNodes.get(m.id);
      if (!node)
        productNodes.set(m.id, (node = productCards(m.products, lang, options.host.embedded)));
      return node;
    }
    if (m.discount) {
      let card = cards.get(m.id);
      if (!card) {
        card = { ...discountCard(m.id, m.discount), code: m.discount.code };
        cards.set(m.id, card);
        if (appliedCodes.has(m.discount.code)) card.markApplied();
      }
      return card.node;
    }
    return null;
  };
}
