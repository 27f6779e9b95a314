// Serves the demo store (demo-store/) on its own origin, so the widget runs as it would on
// a merchant's site: a different origin from Hosting, the real script tag, postMessage
// across origins. Placeholders in the HTML get the Hosting origin and the store id.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../demo-store');
const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8' };

export const DEMO_STORE_PORT = 5080;

/** Starts the demo store server; resolves with its URL and a close function. */
export function startDemoStore({ widgetOrigin, storeId, port = DEMO_STORE_PORT, host = '127.0.0.1' }) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://store');
    const path = normalize(url.pathname === '/' ? '/index.html' : url.pathname);
    const file = join(ROOT, path);
    if (!file.startsWith(ROOT) || !TYPES[extname(file)]) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    try {
      let body = await readFile(file, 'utf8');
      if (extname(file) === '.html') {
        const lang = url.searchParams.get('lang');
        body = body
          .replaceAll('{{WIDGET_ORIGIN}}', widgetOrigin)
          .replaceAll('{{STORE_ID}}', storeId);
        // ?lang=fr lets people (and tests) see the widget follow the page's language.
        if (lang && /^[a-zA-Z-]{2,10}$/.test(lang)) body = body.replace('<html lang="en">', `<html lang="${lang}">`);
      }
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)], 'Cache-Control': 'no-store' }).end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    }
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () =>
      resolvePromise({ url: `http://${host}:${port}`, close: () => new Promise((r) => server.close(r)) }),
    );
  });
}
