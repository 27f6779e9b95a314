// Small process helpers shared by the start, build and test scripts.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = resolve(ROOT, 'node_modules/.bin');

/** Runs a command with inherited output; resolves with its exit code. */
export function run(command, args, options = {}) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      stdio: 'inherit',
      ...options,
      env: { ...process.env, ...options.env },
    });
    child.on('exit', (code, signal) => resolvePromise(code ?? (signal ? 1 : 0)));
    child.on('error', () => resolvePromise(127));
  });
}

/** `firebase` from this repo's node_modules (pinned 14.x), never a global one. */
export const firebaseBin = resolve(BIN, 'firebase');

export const step = (text) => console.log(`\n\x1b[1m▸ ${text}\x1b[0m`);
