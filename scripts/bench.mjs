// `npm run bench`: measures Comptoir against the budgets in the design notes, on the
// emulators. Builds (Hosting serves the built apps, the Functions emulator loads
// functions/lib), starts the mail sink, then runs bench/run.ts inside
// `firebase emulators:exec`. Prints a table and writes bench/results.json.
//
//   npm run bench                 build, then measure
//   npm run bench -- --no-build   measure the current build (while working on the bench)
//
// The Functions emulator's workers get NODE_OPTIONS="--import bench/instrument/…": a
// counter of the admin SDK's reads and writes and of function invocations (see that file),
// so cost is counted, not estimated.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { buildAll } from './build.mjs';
import { emulatorCommand } from './lib/emulators.mjs';
import { EmulatorSetupError } from './lib/firestore-emulator.mjs';
import { BIN, ROOT, firebaseBin, step } from './lib/run.mjs';
import { startMailSink } from './mail-sink/server.mjs';

const started = Date.now();
const entry = process.env.COMPTOIR_BENCH_ENTRY ?? 'bench/run.ts';
const counters = resolve(ROOT, '.cache/bench-counters');
const preload = resolve(ROOT, 'bench/instrument/functions-counter.mjs');
const table = resolve(ROOT, '.cache/bench-table.txt');

// One line per request or invocation from the emulators would bury the bench's output.
const NOISE = [
  /^\[hosting\] Rewriting /,
  /^i {2}functions: (Beginning|Finished) execution/,
  /^> {2}\{.*"severity":"DEBUG"/,
];

/** Runs a command, passing its output through without the emulators' per-request lines. */
function runQuietly(command, args, env) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      stdio: ['inherit', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    for (const [from, to] of [
      [child.stdout, process.stdout],
      [child.stderr, process.stderr],
    ]) {
      createInterface({ input: from }).on('line', (line) => {
        if (!NOISE.some((n) => n.test(line))) to.write(line + '\n');
      });
    }
    child.on('exit', (code, signal) => resolvePromise(code ?? (signal ? 1 : 0)));
    child.on('error', () => resolvePromise(127));
  });
}

if (!process.argv.includes('--no-build')) {
  step('build');
  if ((await buildAll()) !== 0) process.exit(1);
}

rmSync(table, { force: true });
rmSync(counters, { recursive: true, force: true });
mkdirSync(counters, { recursive: true });

step('benchmark on the emulators');
const sink = await startMailSink({ log: () => undefined });
let code = 1;
try {
  const command = emulatorCommand('exec', [`${BIN}/vite-node ${entry}`]);
  code = await runQuietly(firebaseBin, command.args, {
    ...command.env,
    NODE_OPTIONS: [process.env.NODE_OPTIONS, `--import ${pathToFileURL(preload).href}`]
      .filter(Boolean)
      .join(' '),
    COMPTOIR_BENCH_COUNTERS: counters,
    COMPTOIR_BENCH_STARTED: String(started),
    // The admin SDK in the bench would otherwise probe for a cloud metadata server.
    METADATA_SERVER_DETECTION: 'none',
  });
} catch (error) {
  if (!(error instanceof EmulatorSetupError)) throw error;
  console.error(`✗ ${error.message}`);
} finally {
  await sink.close();
}
if (existsSync(table)) {
  console.log(`\n${readFileSync(table, 'utf8')}`);
  console.log('Written: bench/results.json (details: docs/performance.md explains each figure).');
}
process.exit(code);
