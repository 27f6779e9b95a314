/**
 * "Where is my order?": a small card with the order number and the email, checked with the
 * server's own rules, then the answer as a status card (status, what it means, the date,
 * the carrier's tracking link) or one neutral "not found" whatever was wrong. Loaded on
 * first use (see orderEntry.ts). Plain DOM and textContent only, like view.ts.
 */
import {
  commerceText,
  describeOrderStatus,
  orderStatusHint,
  trackingLink,
  validateOrderLookup,
  type CommerceStringKey,
  type OrderLookupAnswer,
} from '@comptoir/core';
import { FirebaseError } from 'firebase/app';
import { lookupOrder } from './commerceData';
import { ORDER_LOOKUP_ID } from './orderEntry';
import { h } from './rich';
import './orders.css';

export interface OrderLookupOptions {
  lang: string;
  storeId: string;
  onClose(): void;
}

export function renderOrderLookup(options: OrderLookupOptions): HTMLElement {
  const { lang, storeId } = options;
  const t = (key: CommerceStringKey, params?: Record<string, string | number>) =>
    commerceText(lang, key, params);

  const title = h('h2', 'order-title', [t('orderLookupAction')]);
  title.id = `${ORDER_LOOKUP_ID}-title`;
  const close = h('button', 'order-close', ['×']);
  close.type = 'button';
  close.setAttribute('aria-label', t('orderLookupClose'));
  close.title = t('orderLookupClose');
  close.addEventListener('click', options.onClose);
  const body = h('div', 'order-body');
  const card = h('section', 'order-lookup', [h('div', 'order-head', [title, close]), body]);
  card.id = ORDER_LOOKUP_ID;
  card.setAttribute('aria-labelledby', title.id);
  // Escape closes this card first; the chat itself closes on the next Escape.
  card.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !event.isComposing) {
      event.preventDefault();
      options.onClose();
    }
  });

  const field = (id: string, label: string, input: HTMLInputElement, hint?: string) => {
    input.id = id;
    const error = h('p', 'order-field-error');
    error.id = `${id}-error`;
    const described = [error.id];
    const parts: HTMLElement[] = [h('label', '', [label]), input];
    (parts[0] as HTMLLabelElement).htmlFor = id;
    if (hint) {
      const note = h('p', 'order-hint-text', [hint]);
      note.id = `${id}-hint`;
      described.unshift(note.id);
      parts.push(note);
    }
    input.setAttribute('aria-describedby', described.join(' '));
    input.addEventListener('input', () => {
      error.textContent = '';
      input.removeAttribute('aria-invalid');
    });
    return {
      node: h('div', 'order-field', [...parts, error]),
      input,
      complain(message: string) {
        error.textContent = message;
        input.setAttribute('aria-invalid', 'true');
      },
    };
  };

  let lastEmail = '';

  function showForm() {
    const numberInput = Object.assign(h('input', ''), {
      type: 'text',
      autocomplete: 'off',
      spellcheck: false,
      maxLength: 60,
    });
    const emailInput = Object.assign(h('input', ''), {
      type: 'email',
      autocomplete: 'email',
      maxLength: 254,
      value: lastEmail,
    });
    const number = field(
      `${ORDER_LOOKUP_ID}-number`,
      t('orderNumberLabel'),
      numberInput,
      t('orderNumberHint'),
    );
    const email = field(`${ORDER_LOOKUP_ID}-email`, t('orderEmailLabel'), emailInput);
    const status = h('p', 'order-error');
    status.setAttribute('role', 'alert');
    const submit = h('button', 'order-submit', [t('orderLookupSubmit')]);
    submit.type = 'submit';
    const form = h('form', 'order-form', [number.node, email.node, status, submit]);
    form.noValidate = true; // our messages, in the shopper's language
    form.setAttribute('aria-labelledby', title.id);
    body.replaceChildren(h('p', 'order-intro', [t('orderLookupIntro')]), form);

    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      status.textContent = '';
      const checked = validateOrderLookup({
        orderNumber: numberInput.value,
        email: emailInput.value,
      });
      if (!checked.ok) {
        const target = checked.code === 'invalid-email' ? email : number;
        target.complain(
          t(checked.code === 'invalid-email' ? 'orderErrorEmail' : 'orderErrorNumber'),
        );
        target.input.focus();
        return;
      }
      lastEmail = emailInput.value.trim();
      submit.disabled = true;
      submit.textContent = t('orderLookupSearching');
      form.setAttribute('aria-busy', 'true');
      try {
        const { data } = await lookupOrder({
          storeId,
          orderNumber: numberInput.value,
          email: emailInput.value,
          language: lang,
        });
        showResult(data);
      } catch (error) {
        submit.disabled = false;
        submit.textContent = t('orderLookupSubmit');
        form.removeAttribute('aria-busy');
        status.textContent = refusalText(error);
        submit.scrollIntoView({ block: 'nearest' });
      }
    });
  }

  function refusalText(error: unknown): string {
    const details =
      error instanceof FirebaseError
        ? (error as FirebaseError & { details?: { code?: string; retryAfterMinutes?: number } })
            .details
        : undefined;
    switch (details?.code) {
      case 'order-not-found':
        return t('orderNotFound');
      case 'too-many-attempts': {
        const minutes = Math.max(1, Math.round(details.retryAfterMinutes ?? 10));
        return minutes === 1 ? t('orderTooManyOne') : t('orderTooMany', { minutes });
      }
      case 'invalid-order-number':
        return t('orderErrorNumber');
      case 'invalid-email':
        return t('orderErrorEmail');
      default:
        return t('orderLookupFailed');
    }
  }

  function showResult(order: OrderLookupAnswer) {
    const date = new Intl.DateTimeFormat(lang, { dateStyle: 'long' }).format(order.updatedAt);
    const heading = h('p', 'order-status', [
      h('span', 'order-dot'),
      describeOrderStatus(order.status, lang),
    ]);
    heading.tabIndex = -1;
    const parts: HTMLElement[] = [
      h('p', 'card-kicker', [t('orderCardTitle', { number: order.number })]),
      heading,
      h('p', 'order-hint', [orderStatusHint(order.status, lang)]),
      h('p', 'order-updated', [t('orderUpdated', { date })]),
    ];
    // The server sends only http(s) links; checked again before it becomes a link.
    const href = trackingLink(order.trackingUrl);
    if (href) {
      const link = h('a', 'order-track', [
        order.carrier ? t('orderTrackWith', { carrier: order.carrier }) : t('orderTrack'),
        h('span', 'order-new-tab', [` (${t('orderNewTab')})`]),
      ]);
      Object.assign(link, { href, target: '_blank', rel: 'noopener noreferrer' });
      parts.push(link);
    }
    const again = h('button', 'order-again', [t('orderLookupAgain')]);
    again.type = 'button';
    again.addEventListener('click', () => {
      showForm();
      body.querySelector('input')?.focus();
    });
    const result = h('div', `order-result status-${order.status}`, [...parts, again]);
    result.setAttribute('role', 'status');
    body.replaceChildren(result);
    heading.focus();
    card.scrollIntoView({ block: 'nearest' });
  }

  showForm();
  return card;
}
