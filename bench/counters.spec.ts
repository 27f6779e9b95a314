import { describe, expect, it } from 'vitest';
import { ruleDocumentFetches, type CoverageReport } from './counters';

// Two rule expressions: `exists(/a)` at offset 10, and `get(/b).data.x` at offset 30,
// shaped like the Firestore emulator's rule-coverage report.
const content = 'allow if: exists(/a) || true;  get(/b).data.x == 1;';
const at = (text: string) => content.indexOf(text);
const node = (
  text: string,
  values: [string, number][],
  children: CoverageReport['report'] = [],
) => ({
  sourcePosition: {
    line: 1,
    column: at(text) + 1,
    currentOffset: at(text),
    endOffset: at(text) + text.length,
  },
  values: values.map(([kind, count]) => ({
    value: { [kind]: kind === 'undefined' ? {} : true },
    count,
  })),
  children,
});

const coverage = (report: CoverageReport['report']): CoverageReport => ({
  rules: { files: [{ content }] },
  report,
});

describe('ruleDocumentFetches', () => {
  it('counts each evaluation of exists() and get() that returned a value', () => {
    const report = coverage([
      node('exists(/a)', [['boolValue', 3]]),
      node(
        'get(/b).data.x',
        [['intValue', 9]],
        [node('get(/b).data', [['mapValue', 9]], [node('get(/b)', [['mapValue', 2]])])],
      ),
    ]);
    // The call itself is the smallest node starting at `get(`: its 2, not the 9 above it.
    expect(ruleDocumentFetches(report)).toBe(5);
  });

  it('does not count calls the rules skipped (short-circuited, value undefined)', () => {
    const report = coverage([
      node('exists(/a)', [
        ['undefined', 4],
        ['boolValue', 1],
      ]),
    ]);
    expect(ruleDocumentFetches(report)).toBe(1);
  });

  it('ignores every other expression', () => {
    expect(ruleDocumentFetches(coverage([node('true', [['boolValue', 7]])]))).toBe(0);
  });
});
