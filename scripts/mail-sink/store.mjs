// The outbox: accepted mails in memory, optionally mirrored to a JSON Lines file.
//
// JSON Lines rather than one JSON document so that storing a mail is a single append (no
// rewrite of the whole outbox per mail, and a crash mid-write loses at most that line). The file
// is compacted to the kept mails when it is loaded and whenever it has grown to twice the limit.

import fs from 'node:fs';
import path from 'node:path';

export const MAX_MAILS = 500;

/**
 * @typedef {{ id: string, receivedAt: string, request: Record<string, any> }} StoredMail
 * @typedef {{
 *   id: string, receivedAt: string, from: string | null, to: string[], replyTo: string | null,
 *   subject: string | null, text: string | null, html: string | null,
 * }} MailSummary
 */

/**
 * @param {{ file?: string | undefined, max?: number }} [options]
 */
export function createStore({ file, max = MAX_MAILS } = {}) {
  /** @type {StoredMail[]} oldest first */
  let mails = file ? load(file, max) : [];
  let linesInFile = mails.length;
  if (file) rewrite(file, mails);

  return {
    /** @param {StoredMail} mail */
    add(mail) {
      mails.push(mail);
      if (mails.length > max) mails = mails.slice(-max);
      if (!file) return;
      // Synchronous on purpose: appends stay in arrival order and the mail is on disk before
      // the 202 goes out, the same promise the real API makes.
      fs.appendFileSync(file, `${JSON.stringify(mail)}\n`);
      linesInFile += 1;
      if (linesInFile >= 2 * max) {
        rewrite(file, mails);
        linesInFile = mails.length;
      }
    },
    /** @returns {StoredMail[]} newest first */
    list() {
      return [...mails].reverse();
    },
    /** @param {string} id */
    get(id) {
      return mails.find((mail) => mail.id === id);
    },
    clear() {
      mails = [];
      linesInFile = 0;
      if (file) rewrite(file, mails);
    },
  };
}

/**
 * Reads the kept mails, skipping lines that do not parse (a partly written last line).
 *
 * @param {string} file
 * @param {number} max
 * @returns {StoredMail[]}
 */
function load(file, max) {
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT') return [];
    throw error;
  }
  /** @type {StoredMail[]} */
  const mails = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const mail = JSON.parse(line);
      if (mail && typeof mail.id === 'string' && mail.request) mails.push(mail);
    } catch {
      // A torn write: drop that line, keep the rest of the outbox.
    }
  }
  return mails.slice(-max);
}

/**
 * @param {string} file
 * @param {StoredMail[]} mails
 */
function rewrite(file, mails) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, mails.map((mail) => `${JSON.stringify(mail)}\n`).join(''));
  fs.renameSync(tmp, file);
}

/**
 * The fields people look for first, pulled out of the SendGrid request.
 *
 * @param {StoredMail} mail
 * @returns {MailSummary}
 */
export function summarize({ id, receivedAt, request }) {
  const personalizations = Array.isArray(request.personalizations) ? request.personalizations : [];
  const content = Array.isArray(request.content) ? request.content : [];
  /** @param {string} type */
  const part = (type) => {
    const block = content.find((/** @type {any} */ c) => c?.type === type);
    return typeof block?.value === 'string' ? block.value : null;
  };
  const subject =
    typeof request.subject === 'string' && request.subject
      ? request.subject
      : (personalizations.find((p) => typeof p?.subject === 'string')?.subject ?? null);
  return {
    id,
    receivedAt,
    from: request.from?.email ?? null,
    to: recipients(request, 'to'),
    replyTo: request.reply_to?.email ?? request.reply_to_list?.[0]?.email ?? null,
    subject,
    text: part('text/plain'),
    html: part('text/html'),
  };
}

/**
 * Distinct addresses of one recipient kind across all personalizations.
 *
 * @param {Record<string, any>} request
 * @param {'to' | 'cc' | 'bcc'} kind
 * @returns {string[]}
 */
export function recipients(request, kind) {
  const personalizations = Array.isArray(request.personalizations) ? request.personalizations : [];
  return [
    ...new Set(
      personalizations.flatMap((p) =>
        Array.isArray(p?.[kind]) ? p[kind].map((/** @type {any} */ r) => String(r?.email)) : [],
      ),
    ),
  ];
}
