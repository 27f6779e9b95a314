// The Firestore emulator's rule-coverage report for the rules suites: saved after they run
// (tests/rules/coverage.ts) and checked by `npm test`, which fails, naming each expression and
// its line, when some rule expression was never evaluated by any test.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from './run.mjs';

export const RULES_COVERAGE_JSON = resolve(ROOT, 'test-results/rules-coverage.json');
export const RULES_COVERAGE_HTML = resolve(ROOT, 'test-results/rules-coverage.html');

/** The emulator's report URL for a project (`.html` for the annotated rules page). */
export const ruleCoverageUrl = (host, projectId, format = '') =>
  `http://${host}/emulator/v1/projects/${projectId}:ruleCoverage${format}`;

/** Fetches both forms of the report and writes them into test-results/. */
export async function saveRulesCoverage(host, projectId) {
  const [json, html] = await Promise.all(
    ['', '.html'].map(async (format) => {
      const response = await fetch(ruleCoverageUrl(host, projectId, format));
      if (!response.ok) throw new Error(`ruleCoverage${format} answered ${response.status}`);
      return response.text();
    }),
  );
  mkdirSync(resolve(RULES_COVERAGE_JSON, '..'), { recursive: true });
  writeFileSync(RULES_COVERAGE_JSON, json);
  writeFileSync(RULES_COVERAGE_HTML, html);
}

/**
 * Every expression of the report (children included: the right side of an `&&` that no
 * test reached counts), and the ones no request ever evaluated: an expression is evaluated
 * when the emulator recorded at least one value for it. `unevaluated` lists only the
 * outermost of them (the parts of an expression that never ran did not run either).
 */
export function rulesCoverageOf(report) {
  const source = report.rules?.files?.[0]?.content ?? '';
  let total = 0;
  let missed = 0;
  const unevaluated = [];
  const walk = (node, parentEvaluated) => {
    const { line, column, currentOffset, endOffset } = node.sourcePosition;
    const evaluated = (node.values ?? []).some((v) => (v.count ?? 0) > 0);
    total += 1;
    if (!evaluated) {
      missed += 1;
      // NOTE: endOffset is inclusive.
      const text = source
        .slice(currentOffset, endOffset + 1)
        .replace(/\s+/g, ' ')
        .replace(/^(.{100}).+$/, '$1…');
      if (parentEvaluated) unevaluated.push({ line, column, text });
    }
    for (const child of node.children ?? []) walk(child, evaluated);
  };
  for (const node of report.report ?? []) walk(node, true);
  unevaluated.sort((a, b) => a.line - b.line || a.column - b.column);
  return { total, missed, unevaluated };
}

/** Reads the saved report: null when the rules suites did not write one. */
export function readRulesCoverage() {
  if (!existsSync(RULES_COVERAGE_JSON)) return null;
  return rulesCoverageOf(JSON.parse(readFileSync(RULES_COVERAGE_JSON, 'utf8')));
}

/** Prints the check's outcome; true when every expression was evaluated. */
export function reportRulesCoverage(coverage) {
  if (!coverage) {
    console.log('✗ rules coverage: test-results/rules-coverage.json was not written');
    return false;
  }
  const { total, missed, unevaluated } = coverage;
  if (missed === 0) {
    console.log(`✓ rules coverage: all ${total} rule expressions evaluated`);
    return true;
  }
  console.log(
    `✗ rules coverage: ${missed} of ${total} rule expressions never evaluated` +
      ' (see test-results/rules-coverage.html):',
  );
  for (const e of unevaluated) console.log(`    firestore.rules:${e.line}:${e.column}  ${e.text}`);
  return false;
}
