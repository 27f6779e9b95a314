/**
 * System lines (written by functions: cart changes, an applied discount) worded in a
 * language. The functions store the English as `text`; the widget words `event` itself.
 */
import { describeCartChange, formatMoney } from './cart';
import { commerceText } from './commerceText';
import type { SystemEvent } from './types';

/** How many lines one event line lists before "and N more changes". */
const MAX_LINES = 6;

/** A system line's text in `lang` (the functions store the English one as `text`). */
export function describeSystemEvent(event: SystemEvent, lang: string): string {
  switch (event.kind) {
    case 'cart': {
      const lines = event.changes.slice(0, MAX_LINES).map((c) => describeCartChange(c, lang));
      const more = event.changes.length - MAX_LINES;
      if (more > 0) lines.push(commerceText(lang, 'cartMore', { count: more }));
      return lines.join('\n');
    }
    case 'cart-snapshot':
      return commerceText(lang, event.itemCount === 1 ? 'cartSnapshotOne' : 'cartSnapshot', {
        count: event.itemCount,
        subtotal: formatMoney(event.subtotal, event.currency, lang),
      });
    case 'discount-applied':
      return commerceText(lang, 'discountApplied', { code: event.code });
  }
}
