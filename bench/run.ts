/**
 * The bench itself, run by scripts/bench.mjs inside `firebase emulators:exec`: each phase
 * in turn (a phase that fails is reported and the others still run), then the table and
 * bench/results.json. The cost phase runs before the heavy ones because the rules'
 * coverage report, which it reads, grows with every request.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { FIGURES } from './budgets';
import { measureCap } from './cap';
import { closeAll } from './clients';
import { measureClosedPage } from './closedPage';
import { measureCost } from './cost';
import { measureLatency } from './latency';
import { measureLoad } from './load';
import { formatTable, rows, type Results } from './report';
import { measureSizes } from './sizes';
import { round } from './stats';

const ROOT = resolve(import.meta.dirname, '..');
const started = Number(process.env.COMPTOIR_BENCH_STARTED) || Date.now();

const phases: [string, () => Results | Promise<Results>][] = [
  ['bundle sizes', measureSizes],
  ['closed store page (Chromium, 100 views)', measureClosedPage],
  ['cost of a conversation start and of messages', measureCost],
  ['the cap under a race', measureCap],
  ['message latency vs bare Firestore', measureLatency],
  ['load: 50 shoppers × 20 messages, 2 operators', measureLoad],
];

// The machine is part of the result: timings on 2 shared cores are not those of a laptop.
const machine = () => `${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)}`;
const results: Results = { measuredAt: new Date().toISOString(), machineAtStart: machine() };
const errors: Record<string, string> = {};
for (const [name, measure] of phases) {
  const t = Date.now();
  console.log(`▸ ${name}`);
  try {
    Object.assign(results, await measure());
    console.log(`  ✓ ${name} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  } catch (error) {
    errors[name] = (error as Error).stack ?? String(error);
    console.log(`  ✗ ${name}: ${(error as Error).message}`);
  }
}
await closeAll();
results.machineAtEnd = machine();
results.benchSeconds = round((Date.now() - started) / 1000, 0);
if (Object.keys(errors).length) results.errors = errors;

const table = formatTable(rows(FIGURES, results));
writeFileSync(resolve(ROOT, 'bench/results.json'), JSON.stringify(results, null, 2) + '\n');
// scripts/bench.mjs prints the table again once the emulators have stopped talking.
mkdirSync(resolve(ROOT, '.cache'), { recursive: true });
writeFileSync(resolve(ROOT, '.cache/bench-table.txt'), table + '\n');
console.log(`\n${table}\n`);
process.exit(Object.keys(errors).length ? 1 : 0);
