// Builds the widget into dist/hosting/widget/: the chat app (Vite, in the iframe) and
// then the loader (esbuild, one minified IIFE for the store's page).
import { build as esbuild } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { build as vite } from 'vite';

const here = import.meta.dirname;
await vite({ configFile: `${here}/vite.config.ts`, logLevel: 'warn' });
await esbuild({
  entryPoints: [`${here}/src/loader/index.ts`],
  outfile: `${here}/../dist/hosting/widget/loader.js`,
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  legalComments: 'none',
  logLevel: 'warning',
});
// Hosting answers unknown /widget/ paths with this instead of the console's index.html.
writeFileSync(
  `${here}/../dist/hosting/widget/404.html`,
  '<!doctype html><title>Not found</title>\n',
);
