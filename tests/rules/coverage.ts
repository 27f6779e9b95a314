/**
 * Global setup of the `rules` project. It loads firestore.rules into the emulator once for
 * the whole run (each load resets the emulator's rule-coverage report), and when the suites
 * are done saves that report to test-results/rules-coverage.{json,html}, which `npm test`
 * checks: every rule expression must have been evaluated by some test.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { initializeTestEnvironment } from '@firebase/rules-unit-testing';
import { saveRulesCoverage } from '../../scripts/lib/rules-coverage.mjs';
import { PROJECT_ID } from './project';

const HOST = '127.0.0.1';
const PORT = 8080;

export default async function setup() {
  const env = await initializeTestEnvironment({
    projectId: PROJECT_ID,
    firestore: {
      rules: readFileSync(resolve(import.meta.dirname, '../../firestore.rules'), 'utf8'),
      host: HOST,
      port: PORT,
    },
  });
  await env.cleanup();
  return async () => {
    await saveRulesCoverage(`${HOST}:${PORT}`, PROJECT_ID);
  };
}
