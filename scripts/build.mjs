// Builds everything Hosting and the Functions emulator serve: the functions bundle, the
// console, then the widget (which writes into the console's output folder, so it goes last).
import { run, step } from './lib/run.mjs';

const parts = [
  ['functions', ['functions/build.mjs']],
  ['console (admin-app)', ['node_modules/.bin/vite', 'build', 'admin-app', '--logLevel', 'warn']],
  ['widget (loader + chat app)', ['widget/build.mjs']],
];

export async function buildAll() {
  for (const [name, args] of parts) {
    step(`Building ${name}`);
    const started = Date.now();
    const code = await run(process.execPath, args);
    if (code !== 0) {
      console.error(`✗ Building ${name} failed (exit ${code}).`);
      return code;
    }
    console.log(`  ✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(await buildAll());
