/**
 * The email a shopper gets when the merchant answers after they left the store: pure, so
 * its rules (the 10 messages of context, the orders of the last 14 days) are unit-tested.
 */
import type { MailDataRequired } from '@sendgrid/mail';

/** How many earlier messages of the conversation the email repeats, for context. */
export const CONTEXT_MESSAGES = 10;
/** Orders placed this recently are listed (when the store shares orders). */
export const ORDER_WINDOW_DAYS = 14;

export interface EmailedMessage {
  author: 'shopper' | 'operator' | 'system';
  authorName?: string;
  text: string;
  createdAtMs: number;
}

export interface EmailedOrder {
  number: string;
  status: string;
  createdAtMs: number;
  total?: number;
  currency?: string;
  trackingUrl?: string | null;
}

export interface ReplyEmailInput {
  store: { name: string; senderName?: string; senderEmail: string };
  to: { email: string; name: string | null };
  /** The new replies this email carries, oldest first. */
  replies: EmailedMessage[];
  /** Every earlier message of the conversation, oldest first. */
  earlier: EmailedMessage[];
  orders: EmailedOrder[];
  /** Unguessable per-conversation address: the shopper's answer comes back through it. */
  replyAddress: string;
  /** Opens the chat on the store with the whole thread, in any browser. */
  resumeUrl: string | null;
  nowMs: number;
}

/** The last CONTEXT_MESSAGES messages before the new replies. */
export const contextOf = (earlier: EmailedMessage[]) => earlier.slice(-CONTEXT_MESSAGES);

/** Orders of the last ORDER_WINDOW_DAYS days, newest first. */
export function recentOrders(orders: EmailedOrder[], nowMs: number): EmailedOrder[] {
  const since = nowMs - ORDER_WINDOW_DAYS * 24 * 60 * 60 * 1000;
  return orders
    .filter((o) => o.createdAtMs >= since && o.createdAtMs <= nowMs)
    .sort((a, b) => b.createdAtMs - a.createdAtMs);
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const dateTime = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';

function who(message: EmailedMessage, storeName: string): string {
  if (message.author === 'operator') return `${message.authorName ?? storeName} (${storeName})`;
  if (message.author === 'system') return storeName;
  return 'You';
}

function money(order: EmailedOrder): string {
  if (order.total === undefined) return '';
  try {
    return new Intl.NumberFormat('en', {
      style: 'currency',
      currency: order.currency ?? 'EUR',
    }).format(order.total);
  } catch {
    return `${order.total} ${order.currency ?? ''}`.trim();
  }
}

export function replyEmail(input: ReplyEmailInput): MailDataRequired {
  const { store, replies } = input;
  const context = contextOf(input.earlier);
  const orders = recentOrders(input.orders, input.nowMs);
  const from = replies.at(-1)?.authorName ?? store.name;

  const text = [
    `${from} from ${store.name} answered you:`,
    '',
    ...replies.flatMap((r) => [r.text, '']),
    'Reply to this email to answer: your message goes straight into the conversation.',
    ...(input.resumeUrl ? ['', `Or continue the chat on ${store.name}: ${input.resumeUrl}`] : []),
    ...(orders.length
      ? [
          '',
          'Your recent orders:',
          ...orders.map(
            (o) =>
              `- ${o.number}: ${o.status}${money(o) ? `, ${money(o)}` : ''}${o.trackingUrl ? ` (tracking: ${o.trackingUrl})` : ''}`,
          ),
        ]
      : []),
    ...(context.length
      ? [
          '',
          'Earlier in the conversation:',
          ...context.map((m) => `[${dateTime(m.createdAtMs)}] ${who(m, store.name)}: ${m.text}`),
        ]
      : []),
  ].join('\n');

  const bubble = (m: EmailedMessage) =>
    `<p style="margin:0 0 10px"><span style="color:#5b6664;font-size:12px">${escapeHtml(
      who(m, store.name),
    )} · ${escapeHtml(dateTime(m.createdAtMs))}</span><br><span style="white-space:pre-wrap">${escapeHtml(
      m.text,
    )}</span></p>`;
  const html = `<div style="font-family:system-ui,sans-serif;font-size:15px;color:#1b2624;max-width:560px">
<p><strong>${escapeHtml(from)}</strong> from <strong>${escapeHtml(store.name)}</strong> answered you:</p>
<div style="border-left:3px solid #1f6f5c;padding:4px 12px;margin:12px 0">${replies
    .map((r) => `<p style="white-space:pre-wrap;margin:0 0 8px">${escapeHtml(r.text)}</p>`)
    .join('')}</div>
<p>Reply to this email to answer: your message goes straight into the conversation.${
    input.resumeUrl
      ? ` Or <a href="${escapeHtml(input.resumeUrl)}">continue the chat on ${escapeHtml(store.name)}</a>.`
      : ''
  }</p>
${
  orders.length
    ? `<h3 style="font-size:14px;margin:20px 0 6px">Your recent orders</h3><ul>${orders
        .map(
          (o) =>
            `<li>${escapeHtml(o.number)}: ${escapeHtml(o.status)}${money(o) ? `, ${escapeHtml(money(o))}` : ''}${
              o.trackingUrl ? ` — <a href="${escapeHtml(o.trackingUrl)}">track it</a>` : ''
            }</li>`,
        )
        .join('')}</ul>`
    : ''
}${
    context.length
      ? `<h3 style="font-size:14px;margin:20px 0 6px;color:#5b6664">Earlier in the conversation</h3>${context
          .map(bubble)
          .join('')}`
      : ''
  }</div>`;

  return {
    to: input.to.name ? { email: input.to.email, name: input.to.name } : input.to.email,
    from: { email: store.senderEmail, name: store.senderName || store.name },
    replyTo: { email: input.replyAddress, name: store.name },
    subject: `${store.name} answered your message`,
    text,
    html,
  };
}
