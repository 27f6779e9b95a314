/**
 * Transfer sizes of the built widget: the loader (on every store page) and the chat app
 * (JS + CSS the iframe loads: every asset Vite emitted for it, lazy chunks included).
 * gzip level 9, as a CDN serves them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const WIDGET = resolve(import.meta.dirname, '../dist/hosting/widget');

const gzipBytes = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

export function measureSizes() {
  const assets = readdirSync(join(WIDGET, 'assets')).filter((f) => /\.(js|css)$/.test(f));
  if (!assets.some((f) => f.endsWith('.js'))) {
    throw new Error(`No chat app in ${WIDGET}/assets: build first (npm run build)`);
  }
  const loader = join(WIDGET, 'loader.js');
  return {
    loaderBytes: readFileSync(loader).length,
    loaderGzipBytes: gzipBytes(loader),
    chatAppGzipBytes: assets.reduce((total, f) => total + gzipBytes(join(WIDGET, 'assets', f)), 0),
    chatAppFiles: assets.length,
  };
}
