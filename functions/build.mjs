// Bundles the functions (and the shared @comptoir/core sources they import) into one
// CommonJS file. Runtime dependencies stay external: Cloud Functions installs them from
// package.json at deploy, and the emulator resolves them from node_modules.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

const here = import.meta.dirname;

await build({
  entryPoints: [`${here}/src/index.ts`],
  outfile: `${here}/lib/index.js`,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  external: Object.keys(pkg.dependencies),
  logLevel: 'warning',
});
