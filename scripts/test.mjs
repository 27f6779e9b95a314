// `npm test`: every check in one command, against the real emulators.
//   1. type-check, lint, formatting          (no emulator)
//   2. build (Hosting serves the built apps)
//   3. unit tests                             (vitest project `unit`)
//   4. rules, functions and browser tests     (inside `firebase emulators:exec`)
//   5. rules coverage: every rule expression evaluated by the rules tests
// Ends with one line "N passed, N failed" over everything; JSON reports in test-results/.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { buildAll } from './build.mjs';
import { emulatorCommand } from './lib/emulators.mjs';
import { EmulatorSetupError } from './lib/firestore-emulator.mjs';
import { BIN, firebaseBin, run, step } from './lib/run.mjs';
import { inboundEmailUrl } from './lib/inbound.mjs';
import { readRulesCoverage, reportRulesCoverage } from './lib/rules-coverage.mjs';
import { startMailSink } from './mail-sink/server.mjs';

const RESULTS = 'test-results';
rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

/** Checks that are not vitest tests still count: one entry each in the totals. */
const checks = [];
async function check(name, command, args) {
  step(name);
  const code = await run(command, args);
  checks.push({ fullName: `check: ${name}`, status: code === 0 ? 'passed' : 'failed' });
  return code === 0;
}

const vitest = (projects, report) => [
  'run',
  ...projects.flatMap((p) => ['--project', p]),
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${RESULTS}/${report}.json`,
];

await check('type-check (tsc, vue-tsc)', 'npm', ['run', '--silent', 'typecheck']);
await check('lint (eslint)', `${BIN}/eslint`, ['.', '--max-warnings=0']);
await check('formatting (prettier)', `${BIN}/prettier`, ['--check', '--log-level=warn', '.']);

step('build');
const built = (await buildAll()) === 0;
checks.push({ fullName: 'check: build', status: built ? 'passed' : 'failed' });

step('unit tests');
await run(`${BIN}/vitest`, vitest(['unit'], 'unit'));

if (built) {
  step('rules, functions and browser tests on the emulators');
  // The functions send mail through the real @sendgrid/mail client to this local sink.
  const sink = await startMailSink({ log: () => undefined, inboundUrl: inboundEmailUrl() });
  try {
    const command = emulatorCommand('exec', [
      `${BIN}/vitest ${vitest(['rules', 'functions', 'e2e'], 'emulators').join(' ')}`,
    ]);
    const code = await run(firebaseBin, command.args, { env: command.env });
    if (!existsSync(`${RESULTS}/emulators.json`)) {
      checks.push({ fullName: `check: emulator suites ran (exit ${code})`, status: 'failed' });
    }
    // The rules suites saved the emulator's coverage report: every expression must have run.
    step('rules coverage');
    const covered = reportRulesCoverage(readRulesCoverage());
    checks.push({
      fullName: 'check: rules coverage (every rule expression evaluated)',
      status: covered ? 'passed' : 'failed',
    });
  } catch (error) {
    if (!(error instanceof EmulatorSetupError)) throw error;
    console.error(`✗ ${error.message}`);
    checks.push({ fullName: 'check: emulators available', status: 'failed' });
  } finally {
    await sink.close();
  }
}

// Totals over every suite, from vitest's JSON reports plus the checks above.
const tests = [...checks];
for (const report of ['unit', 'emulators']) {
  const file = `${RESULTS}/${report}.json`;
  if (!existsSync(file)) {
    tests.push({ fullName: `check: ${report} report written`, status: 'failed' });
    continue;
  }
  const json = JSON.parse(readFileSync(file, 'utf8'));
  for (const suite of json.testResults) {
    if (suite.assertionResults.length === 0 && suite.status === 'failed') {
      tests.push({
        fullName: `${suite.name}: ${suite.message || 'failed to load'}`,
        status: 'failed',
      });
    }
    for (const t of suite.assertionResults) tests.push({ fullName: t.fullName, status: t.status });
  }
}
writeFileSync(`${RESULTS}/summary.json`, JSON.stringify({ tests }, null, 2));
const passed = tests.filter((t) => t.status === 'passed').length;
const failed = tests.filter((t) => t.status === 'failed').length;
const skipped = tests.length - passed - failed;
for (const t of tests.filter((x) => x.status === 'failed')) console.log(`  ✗ ${t.fullName}`);
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
