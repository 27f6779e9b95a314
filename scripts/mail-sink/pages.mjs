// HTML for people: the outbox list and one page per mail.
//
// Everything shown comes from whoever called the API, so every value goes through `escapeHtml`
// and mail HTML is only ever rendered inside a sandboxed iframe (no scripts, no same-origin
// access, no top navigation), never inline in the page.

import { recipients, summarize } from './store.mjs';

/** @typedef {import('./store.mjs').StoredMail} StoredMail */

/**
 * Escapes text for element content and for double- or single-quoted attribute values.
 *
 * @param {unknown} value
 */
export function escapeHtml(value) {
  return String(value ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const STYLE = `
  :root {
    color-scheme: light dark;
    --bg: #f6f7f9; --card: #ffffff; --text: #1f2933; --muted: #616e7c; --line: #e4e7eb;
    --accent: #2f6f73; --accent-soft: #e3f0ef;
  }
  @media (prefers-color-scheme: dark) {
    :root {
      --bg: #16191d; --card: #1f2328; --text: #e4e7eb; --muted: #9aa5b1; --line: #323840;
      --accent: #7cc4c0; --accent-soft: #203434;
    }
  }
  * { box-sizing: border-box; }
  body {
    margin: 0; background: var(--bg); color: var(--text);
    font: 15px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  }
  header {
    display: flex; align-items: baseline; gap: 1rem; flex-wrap: wrap;
    padding: 1.25rem 2rem; border-bottom: 1px solid var(--line); background: var(--card);
  }
  header h1 { margin: 0; font-size: 1.2rem; font-weight: 600; }
  header .hint { color: var(--muted); font-size: 0.85rem; flex: 1; }
  main { max-width: 72rem; margin: 0 auto; padding: 1.5rem 2rem 3rem; }
  a { color: var(--accent); }
  a.button {
    text-decoration: none; padding: 0.3rem 0.8rem; border-radius: 6px;
    background: var(--accent-soft); font-size: 0.9rem;
  }
  a.button:hover, a.button:focus-visible { text-decoration: underline; }
  .card {
    background: var(--card); border: 1px solid var(--line); border-radius: 10px;
    overflow: hidden; margin-bottom: 1.5rem;
  }
  table { width: 100%; border-collapse: collapse; }
  th, td { text-align: left; padding: 0.6rem 1rem; border-bottom: 1px solid var(--line);
    vertical-align: top; overflow-wrap: anywhere; }
  tr:last-child > * { border-bottom: 0; }
  thead th { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.04em;
    color: var(--muted); font-weight: 600; }
  tbody tr:hover { background: var(--accent-soft); }
  td.time, .muted { color: var(--muted); white-space: nowrap; }
  td.subject a { font-weight: 600; text-decoration: none; }
  td.subject a:hover { text-decoration: underline; }
  .headers th { width: 9rem; color: var(--muted); font-weight: 500; }
  .headers tbody tr:hover { background: none; }
  h2 { font-size: 1rem; margin: 0; padding: 0.75rem 1rem; border-bottom: 1px solid var(--line); }
  pre {
    margin: 0; padding: 1rem; white-space: pre-wrap; overflow-wrap: anywhere;
    font: 13px/1.5 ui-monospace, 'SF Mono', Menlo, Consolas, monospace;
  }
  iframe { display: block; width: 100%; height: 32rem; border: 0; background: #fff; }
  details summary { cursor: pointer; padding: 0.75rem 1rem; font-weight: 600; }
  details[open] summary { border-bottom: 1px solid var(--line); }
  .empty { padding: 3rem 1rem; text-align: center; color: var(--muted); }
  .absent { padding: 1rem; color: var(--muted); font-style: italic; }
  .ok { padding: 1rem 1rem 0; margin: 0; color: var(--accent); font-weight: 600; }
  form { display: grid; gap: 0.5rem; padding: 1rem; }
  form label { color: var(--muted); font-size: 0.9rem; }
  textarea { font: inherit; padding: 0.5rem 0.7rem; border: 1px solid var(--line); border-radius: 6px; }
  button.button {
    justify-self: start; padding: 0.45rem 1rem; border: 0; border-radius: 6px; cursor: pointer;
    background: var(--accent); color: #fff; font: inherit; font-weight: 600;
  }
`;

/**
 * @param {string} title
 * @param {string} body
 */
function layout(title, body) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** @param {string} iso */
function formatTime(iso) {
  // ISO with the milliseconds dropped reads well and sorts the same way everywhere.
  return iso.replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
}

/** @param {string[]} list */
function joinAddresses(list) {
  return list.length ? list.map(escapeHtml).join(', ') : '<span class="muted">—</span>';
}

/**
 * The outbox, newest first.
 *
 * @param {StoredMail[]} mails newest first
 */
export function outboxPage(mails) {
  const rows = mails
    .map((mail) => {
      const s = summarize(mail);
      const href = `/messages/${encodeURIComponent(s.id)}`;
      return `<tr>
  <td class="time"><time datetime="${escapeHtml(s.receivedAt)}">${escapeHtml(formatTime(s.receivedAt))}</time></td>
  <td>${escapeHtml(s.from ?? '')}</td>
  <td>${joinAddresses(s.to)}</td>
  <td class="subject"><a href="${escapeHtml(href)}">${s.subject ? escapeHtml(s.subject) : '<em>(no subject)</em>'}</a></td>
  <td>${s.replyTo ? escapeHtml(s.replyTo) : '<span class="muted">—</span>'}</td>
</tr>`;
    })
    .join('\n');
  const list = mails.length
    ? `<div class="card"><table>
<thead><tr><th>Time</th><th>From</th><th>To</th><th>Subject</th><th>Reply-To</th></tr></thead>
<tbody>
${rows}
</tbody>
</table></div>`
    : `<div class="card"><p class="empty">No mail yet. Mail sent by the functions in emulator mode lands here.</p></div>`;
  const count = `${mails.length} mail${mails.length === 1 ? '' : 's'}`;
  return layout(
    'Comptoir outbox',
    `<header>
  <h1>Comptoir outbox</h1>
  <span class="hint">${count} · local SendGrid sink, nothing leaves this machine</span>
  <a class="button" href="/">Refresh</a>
</header>
<main>
${list}
</main>`,
  );
}

/**
 * Attachment bodies are base64 and can be megabytes long; the raw view shows their size instead
 * so the JSON stays readable.
 *
 * @param {Record<string, any>} request
 */
function readableJson(request) {
  const copy = { ...request };
  if (Array.isArray(copy.attachments)) {
    copy.attachments = copy.attachments.map((/** @type {any} */ a) =>
      a && typeof a.content === 'string' && a.content.length > 200
        ? { ...a, content: `<${a.content.length} characters of base64, not shown>` }
        : a,
    );
  }
  return JSON.stringify(copy, null, 2);
}

/**
 * One mail: headers, text part, sandboxed HTML part, the raw request, and (when the sink
 * knows the inbound webhook) a form to answer it as its recipient would.
 *
 * @param {StoredMail} mail
 * @param {{ canReply?: boolean, replied?: string | null }} [options]
 */
export function messagePage(mail, { canReply = false, replied = null } = {}) {
  const s = summarize(mail);
  const replyTo = Array.isArray(mail.request.reply_to_list)
    ? mail.request.reply_to_list.map((/** @type {any} */ r) => String(r?.email))
    : s.replyTo
      ? [s.replyTo]
      : [];
  const from = mail.request.from?.name
    ? `${mail.request.from.name} <${s.from ?? ''}>`
    : (s.from ?? '');
  const headerRows = [
    ['From', escapeHtml(from)],
    ['To', joinAddresses(s.to)],
    ['Cc', joinAddresses(recipients(mail.request, 'cc'))],
    ['Bcc', joinAddresses(recipients(mail.request, 'bcc'))],
    ['Reply-To', joinAddresses(replyTo)],
    ['Subject', s.subject ? escapeHtml(s.subject) : '<em>(no subject)</em>'],
    [
      'Received',
      `<time datetime="${escapeHtml(s.receivedAt)}">${escapeHtml(formatTime(s.receivedAt))}</time>`,
    ],
    ['Message ID', `<code>${escapeHtml(s.id)}</code>`],
  ];
  if (mail.request.template_id) {
    headerRows.push(['Template', `<code>${escapeHtml(mail.request.template_id)}</code>`]);
  }
  const attachments = Array.isArray(mail.request.attachments) ? mail.request.attachments : [];
  if (attachments.length) {
    headerRows.push([
      'Attachments',
      attachments
        .map((/** @type {any} */ a) => `${escapeHtml(a?.filename)} (${escapeHtml(a?.type ?? '')})`)
        .join(', '),
    ]);
  }

  const text =
    s.text === null
      ? '<p class="absent">This mail has no text/plain part.</p>'
      : `<pre>${escapeHtml(s.text)}</pre>`;
  // `sandbox` with no allowances: the mail's HTML cannot run scripts, reach this page or
  // navigate it. srcdoc is an attribute, so the whole document is attribute-escaped.
  const html =
    s.html === null
      ? '<p class="absent">This mail has no text/html part.</p>'
      : `<iframe sandbox="" referrerpolicy="no-referrer" title="HTML part" srcdoc="${escapeHtml(s.html)}"></iframe>`;

  return layout(
    `${s.subject ?? '(no subject)'} · Comptoir outbox`,
    `<header>
  <h1>${s.subject ? escapeHtml(s.subject) : '(no subject)'}</h1>
  <span class="hint"></span>
  <a class="button" href="/">← Outbox</a>
</header>
<main>
<div class="card"><table class="headers"><tbody>
${headerRows.map(([name, value]) => `<tr><th scope="row">${name}</th><td>${value}</td></tr>`).join('\n')}
</tbody></table></div>
<section class="card"><h2>Text</h2>${text}</section>
<section class="card"><h2>HTML</h2>${html}</section>
${
  canReply && replyTo.length
    ? `<section class="card"><h2>Reply as ${escapeHtml(s.to[0] ?? 'the recipient')}</h2>
${replied ? `<p class="${replied === 'ok' ? 'ok' : 'absent'}" role="status">${replied === 'ok' ? 'Reply delivered to the inbound webhook.' : `The inbound webhook refused the reply: ${escapeHtml(replied)}.`}</p>` : ''}
<form method="post" action="/messages/${escapeHtml(s.id)}/reply">
<label for="reply-text">Your answer (sent to ${escapeHtml(replyTo[0] ?? '')} with the original quoted below it, as a mail client does)</label>
<textarea id="reply-text" name="text" rows="4" required></textarea>
<button type="submit" class="button">Send reply</button>
</form></section>`
    : ''
}
<details class="card"><summary>Raw request JSON</summary><pre>${escapeHtml(readableJson(mail.request))}</pre></details>
</main>`,
  );
}

/** @param {string} message */
export function notFoundPage(message) {
  return layout(
    'Not found · Comptoir outbox',
    `<header>
  <h1>Comptoir outbox</h1>
  <span class="hint"></span>
  <a class="button" href="/">← Outbox</a>
</header>
<main><div class="card"><p class="empty">${escapeHtml(message)}</p></div></main>`,
  );
}
