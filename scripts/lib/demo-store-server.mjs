// Serves the demo store (demo-store/) on its own origin, so the widget runs as it would on
// a merchant's site: a different origin from Hosting, the real script tag, postMessage
// across origins. Placeholders in the HTML get the Hosting origin and the store id.
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../demo-store');
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export const DEMO_STORE_PORT = 5080;

/** The demo's signed-in customer (add ?customer=1 to a store URL). */
export const DEMO_CUSTOMER = {
  id: 'cust-1001',
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  phone: '+44 20 7946 0958',
};

/**
 * What a store's page does for a signed-in customer: its server signs the customer id with
 * the store's identity secret and the page hands both to Comptoir.identify().
 */
function identifyScript(secret) {
  const signature = createHmac('sha256', secret).update(DEMO_CUSTOMER.id).digest('hex');
  const customer = JSON.stringify({ ...DEMO_CUSTOMER, signature });
  return `<script>
      (function () {
        function identify() { window.Comptoir.identify(${customer}).catch(function () {}); }
        if (window.Comptoir) identify();
        else document.addEventListener('comptoir:ready', identify, { once: true });
      })();
    </script>`;
}

/** Starts the demo store server; resolves with its URL and a close function. */
export function startDemoStore({
  widgetOrigin,
  storeId,
  port = DEMO_STORE_PORT,
  host = '127.0.0.1',
  identitySecret = null,
}) {
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
        const signedIn = url.searchParams.get('customer') === '1' && identitySecret;
        body = body
          .replaceAll('{{WIDGET_ORIGIN}}', widgetOrigin)
          .replaceAll('{{STORE_ID}}', storeId)
          .replaceAll('{{IDENTIFY}}', signedIn ? identifyScript(identitySecret) : '');
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
