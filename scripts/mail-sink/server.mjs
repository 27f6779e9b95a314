// A local stand-in for SendGrid's v3 Mail Send API.
//
// There is no internet in emulator mode, so the functions' real `@sendgrid/mail` client is
// pointed here (`client.setDefaultRequest('baseUrl', 'http://127.0.0.1:8025')`). The sink
// accepts and refuses requests as the real API does (see validate.mjs), keeps what it accepts,
// and shows the outbox at `/`.
//
//   node scripts/mail-sink/server.mjs [--port 8025] [--host 127.0.0.1] [--store file.jsonl]

import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { messagePage, notFoundPage, outboxPage } from './pages.mjs';
import { createStore, summarize } from './store.mjs';
import { validateMailSend } from './validate.mjs';

export const DEFAULT_PORT = 8025;
export const DEFAULT_API_KEY = 'SG.local-emulator-key';
// SendGrid refuses requests whose total size is 30 MB or more, attachments included.
export const MAX_BODY_BYTES = 30 * 1024 * 1024;

/** @typedef {import('./store.mjs').StoredMail} StoredMail */
/** @typedef {import('./validate.mjs').SendGridError} SendGridError */

const UNAUTHORIZED = [
  {
    message: 'The provided authorization grant is invalid, expired, or revoked',
    field: null,
    help: null,
  },
];

// Our own pages run no scripts; the mail HTML inherits this policy inside its srcdoc frame,
// on top of the sandbox.
const PAGE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': "script-src 'none'; object-src 'none'; base-uri 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

/**
 * Starts the sink.
 *
 * @param {{
 *   port?: number, host?: string, apiKey?: string, store?: string,
 *   maxBodyBytes?: number, log?: (line: string) => void, inboundUrl?: string | null,
 * }} [options]
 * @returns {Promise<{
 *   url: string, close(): Promise<void>,
 *   messages(): Array<import('./store.mjs').MailSummary & { request: Record<string, any> }>,
 * }>}
 */
export async function startMailSink({
  port = DEFAULT_PORT,
  host = '127.0.0.1',
  apiKey = process.env.SENDGRID_API_KEY ?? DEFAULT_API_KEY,
  store: storeFile,
  maxBodyBytes = MAX_BODY_BYTES,
  log = () => {},
  // Where "Reply" on a mail page posts, as SendGrid Inbound Parse would (null: no button).
  inboundUrl = process.env.COMPTOIR_INBOUND_URL ?? null,
} = {}) {
  const store = createStore({ file: storeFile });

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error) => {
      log(`mail-sink: ${error?.stack ?? error}`);
      if (!res.headersSent) sendErrors(res, 500, [apiError('Internal server error')]);
      else res.destroy();
    });
  });

  /**
   * @param {http.IncomingMessage} req
   * @param {http.ServerResponse} res
   */
  async function handle(req, res) {
    const { pathname } = new URL(req.url ?? '/', 'http://sink.invalid');
    const method = req.method ?? 'GET';

    if (pathname === '/v3/mail/send') {
      if (method !== 'POST') {
        req.resume();
        res.setHeader('Allow', 'POST');
        return sendErrors(res, 405, [apiError('Method not allowed')]);
      }
      return mailSend(req, res);
    }
    if (pathname.startsWith('/v3/')) {
      // Only Mail Send is emulated; other SendGrid endpoints answer like unknown resources.
      req.resume();
      return sendErrors(res, 404, [apiError('resource not found')]);
    }

    const replyId = matchReply(pathname);
    if (replyId && method === 'POST' && inboundUrl) return replyToMail(req, res, replyId);

    req.resume();
    if (pathname === '/api/messages') {
      if (method === 'GET') return sendJson(res, 200, store.list().map(summarize));
      if (method === 'DELETE') {
        store.clear();
        res.writeHead(204).end();
        return;
      }
      res.setHeader('Allow', 'GET, DELETE');
      return sendErrors(res, 405, [apiError('Method not allowed')]);
    }
    const apiId = matchId(pathname, '/api/messages/');
    if (apiId !== undefined && method === 'GET') {
      const mail = apiId === null ? undefined : store.get(apiId);
      if (!mail) return sendErrors(res, 404, [apiError('Message not found')]);
      return sendJson(res, 200, { ...summarize(mail), request: mail.request });
    }

    if (method !== 'GET' && method !== 'HEAD') {
      res.setHeader('Allow', 'GET');
      return sendErrors(res, 405, [apiError('Method not allowed')]);
    }
    if (pathname === '/') return sendPage(res, 200, outboxPage(store.list()));
    const pageId = matchId(pathname, '/messages/');
    if (pageId !== undefined) {
      const mail = pageId === null ? undefined : store.get(pageId);
      const { searchParams } = new URL(req.url ?? '/', 'http://sink.invalid');
      if (mail) {
        return sendPage(
          res,
          200,
          messagePage(mail, {
            canReply: Boolean(inboundUrl),
            replied: searchParams.get('replied'),
          }),
        );
      }
      return sendPage(res, 404, notFoundPage('No mail with that id. It may have been cleared.'));
    }
    return sendPage(res, 404, notFoundPage('Nothing here.'));
  }

  /**
   * `POST /v3/mail/send`, checked in SendGrid's order: credentials, size, media type, JSON,
   * then the mail itself.
   *
   * @param {http.IncomingMessage} req
   * @param {http.ServerResponse} res
   */
  async function mailSend(req, res) {
    if (!isAuthorized(req.headers.authorization, apiKey)) {
      req.resume();
      return sendErrors(res, 401, UNAUTHORIZED);
    }
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBodyBytes) {
      return refuseTooLarge(req, res);
    }
    const raw = await readBody(req, maxBodyBytes);
    if (raw === null) return refuseTooLarge(req, res);

    const type = String(req.headers['content-type'] ?? '')
      .split(';')[0]
      ?.trim()
      .toLowerCase();
    if (type !== 'application/json') {
      return sendErrors(res, 415, [apiError('Content-Type should be application/json.')]);
    }
    /** @type {unknown} */
    let body;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      return sendErrors(res, 400, [apiError('Bad Request')]);
    }
    const errors = validateMailSend(body);
    if (errors.length) return sendErrors(res, 400, errors);

    const request = /** @type {Record<string, any>} */ (body);
    // Sandbox mode: SendGrid validates the mail, answers 200 and delivers nothing.
    if (request.mail_settings?.sandbox_mode?.enable === true) {
      res.writeHead(200, { 'Content-Length': '0' }).end();
      return;
    }
    const id = randomBytes(16).toString('base64url');
    store.add({ id, receivedAt: new Date().toISOString(), request });
    log(`mail-sink: accepted ${id} "${request.subject ?? ''}"`);
    res.writeHead(202, { 'X-Message-Id': id, 'Content-Length': '0' }).end();
  }

  /**
   * `POST /messages/{id}/reply`: the developer's answer, sent to the inbound webhook as the
   * mail's recipient would from their mail client: multipart, quoted original included.
   *
   * @param {http.IncomingMessage} req
   * @param {http.ServerResponse} res
   * @param {string} id
   */
  async function replyToMail(req, res, id) {
    const raw = await readBody(req, 64 * 1024);
    const mail = store.get(id);
    if (!mail || raw === null) return sendPage(res, 404, notFoundPage('No mail with that id.'));
    const text = new URLSearchParams(raw.toString('utf8')).get('text') ?? '';
    const s = summarize(mail);
    const recipient = s.to[0] ?? 'shopper@example.com';
    const quoted = (s.text ?? '')
      .split('\n')
      .map((line) => `> ${line}`)
      .join('\n');
    const form = new FormData();
    form.append('to', s.replyTo ?? '');
    form.append('from', recipient);
    form.append('subject', `Re: ${s.subject ?? ''}`);
    form.append(
      'text',
      `${text}\n\nOn ${new Date(s.receivedAt).toUTCString()}, ${s.from} wrote:\n${quoted}\n`,
    );
    form.append('headers', `Message-ID: <${randomBytes(12).toString('hex')}@mail-sink.local>`);
    form.append('envelope', JSON.stringify({ to: [s.replyTo], from: recipient }));
    let status = 'unreachable';
    try {
      const response = await fetch(inboundUrl, { method: 'POST', body: form });
      const body = /** @type {any} */ (await response.json().catch(() => ({})));
      status = response.ok ? 'ok' : `${response.status} ${body?.error?.code ?? ''}`.trim();
    } catch {
      // The emulators are not running: say so on the page.
    }
    log(`mail-sink: replied to ${id}: ${status}`);
    res.writeHead(303, { Location: `/messages/${id}?replied=${encodeURIComponent(status)}` }).end();
  }

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(undefined);
    });
  });

  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  const url = `http://${urlHost(host)}:${address.port}`;

  return {
    url,
    close() {
      return new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets from clients (axios, browsers) would hold close() open.
        server.closeAllConnections();
      });
    },
    messages() {
      return store.list().map((mail) => ({ ...summarize(mail), request: mail.request }));
    },
  };
}

/**
 * `Authorization: Bearer <key>`, with exactly the configured key.
 *
 * @param {string | undefined} header
 * @param {string} apiKey
 */
function isAuthorized(header, apiKey) {
  const match = /^Bearer +(\S+)\s*$/i.exec(header ?? '');
  return Boolean(match) && match?.[1] === apiKey;
}

/**
 * Reads the whole body, or returns null once it grows past `limit` (the rest is drained so the
 * client still gets to read the answer).
 *
 * @param {http.IncomingMessage} req
 * @param {number} limit
 * @returns {Promise<Buffer | null>}
 */
function readBody(req, limit) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    req.on('data', (/** @type {Buffer} */ chunk) => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(size > limit ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * @param {http.IncomingMessage} req
 * @param {http.ServerResponse} res
 */
function refuseTooLarge(req, res) {
  req.resume();
  res.setHeader('Connection', 'close');
  sendErrors(res, 413, [
    apiError('The JSON payload you have included in your request is too large.'),
  ]);
}

/**
 * `/prefix/<id>` → the decoded id, null for an undecodable one, undefined when it does not match.
 *
 * @param {string} pathname
 * @param {string} prefix
 */
function matchReply(pathname) {
  const match = /^\/messages\/([A-Za-z0-9_-]{1,64})\/reply$/.exec(pathname);
  return match ? match[1] : null;
}

/**
 * @param {string} pathname
 * @param {string} prefix
 */
function matchId(pathname, prefix) {
  if (!pathname.startsWith(prefix)) return undefined;
  const rest = pathname.slice(prefix.length);
  if (!rest || rest.includes('/')) return undefined;
  try {
    return decodeURIComponent(rest);
  } catch {
    return null;
  }
}

/**
 * @param {string} message
 * @returns {SendGridError}
 */
function apiError(message) {
  return { message, field: null, help: null };
}

/**
 * Every refusal has SendGrid's shape: `{ errors: [{ message, field, help }] }`.
 *
 * @param {http.ServerResponse} res
 * @param {number} status
 * @param {SendGridError[]} errors
 */
function sendErrors(res, status, errors) {
  sendJson(res, status, { errors });
}

/**
 * @param {http.ServerResponse} res
 * @param {number} status
 * @param {unknown} value
 */
function sendJson(res, status, value) {
  const body = JSON.stringify(value);
  res
    .writeHead(status, {
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(body),
      'Cache-Control': 'no-store',
    })
    .end(body);
}

/**
 * @param {http.ServerResponse} res
 * @param {number} status
 * @param {string} html
 */
function sendPage(res, status, html) {
  res
    .writeHead(status, { ...PAGE_HEADERS, 'Content-Length': Buffer.byteLength(html) })
    .end(res.req.method === 'HEAD' ? undefined : html);
}

/**
 * The host to put in `url`: a wildcard bind address is reachable on loopback, and IPv6 literals
 * need brackets.
 *
 * @param {string} host
 */
function urlHost(host) {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.MAIL_SINK_PORT ?? String(DEFAULT_PORT) },
      host: { type: 'string', default: process.env.MAIL_SINK_HOST ?? '127.0.0.1' },
      store: { type: 'string', default: process.env.MAIL_SINK_STORE },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`mail-sink: invalid port ${values.port}`);
  }
  /** @type {Awaited<ReturnType<typeof startMailSink>> | undefined} */
  let sink;
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    (sink ? sink.close() : Promise.resolve()).then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  // Installed before listening, so a signal right after the URL is printed is never missed.
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  sink = await startMailSink({
    port,
    host: values.host,
    store: values.store,
    log: (line) => console.log(line),
  });
  console.log(`Mail sink (SendGrid v3) listening on ${sink.url} — outbox at ${sink.url}/`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
