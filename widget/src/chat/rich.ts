/**
 * Messages that are more than text: system lines about the cart (worded in the shopper's
 * language from their structured event), and — in later parts — discount and product cards.
 * Plain DOM and textContent only, like view.ts.
 */
import { describeSystemEvent } from '@comptoir/core';
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
}

/** The view's `renderRich`: a node for a rich message, or null for a plain bubble. */
export function richRenderer({ lang }: RichOptions) {
  return (m: ThreadMessage): Node | null => {
    if (m.author === 'system' && m.event) {
      return h('div', 'bubble', [describeSystemEvent(m.event, lang)]);
    }
    return null;
  };
}
