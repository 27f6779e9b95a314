// `npm run test:emulators -- <vitest args>`: the emulator suites without the checks and the
// build, for working on one file: e.g. `npm run test:emulators -- --project e2e tests/e2e/x.spec.ts`.
// Build first (`npm run build`) when the functions or the apps changed: Hosting serves dist/.
import { emulatorCommand } from './lib/emulators.mjs';
import { BIN, firebaseBin, run } from './lib/run.mjs';
import { inboundEmailUrl } from './lib/inbound.mjs';
import { rmSync } from 'node:fs';
import {
  readRulesCoverage,
  reportRulesCoverage,
  RULES_COVERAGE_JSON,
} from './lib/rules-coverage.mjs';
import { startMailSink } from './mail-sink/server.mjs';

const args = process.argv.slice(2);
const projects = args.some((a) => a === '--project')
  ? []
  : ['--project', 'rules', '--project', 'functions', '--project', 'e2e'];
// A report left by an earlier run must not stand in for this one's.
rmSync(RULES_COVERAGE_JSON, { force: true });
const sink = await startMailSink({ log: () => undefined, inboundUrl: inboundEmailUrl() });
let code = 1;
try {
  const command = emulatorCommand('exec', [
    `${BIN}/vitest run ${[...projects, ...args].join(' ')}`,
  ]);
  code = await run(firebaseBin, command.args, { env: command.env });
} finally {
  await sink.close();
}
// The whole rules project ran (no file filter): its coverage report must be complete too.
const files = args.filter((a, i) => !a.startsWith('-') && args[i - 1] !== '--project');
const projectsRun =
  projects.length > 0 ? ['rules'] : args.filter((_, i) => args[i - 1] === '--project');
if (files.length === 0 && projectsRun.includes('rules')) {
  if (!reportRulesCoverage(readRulesCoverage()) && code === 0) code = 1;
}
process.exit(code);
