/** Judging figures against their targets and printing them as a table, pure. */

export type Results = Record<string, unknown>;

/** A bound, fixed or taken from another figure of the same run (e.g. capLimit). */
type Bound = number | ((results: Results) => number);

export type Target =
  | { kind: 'max'; limit: Bound; text: string }
  | { kind: 'min'; limit: Bound; text: string }
  | { kind: 'equals'; limit: Bound; text: string }
  | { kind: 'info'; text: string };

export interface Figure {
  key: string;
  label: string;
  unit?: string;
  target: Target;
}

export type Verdict = 'pass' | 'MISS' | '—';

export interface Row {
  label: string;
  value: string;
  target: string;
  verdict: Verdict;
}

const bound = (limit: Bound, results: Results) =>
  typeof limit === 'function' ? limit(results) : limit;

/** Whether a figure meets its target; a missing or non-numeric figure misses. */
export function judge(figure: Figure, results: Results): Verdict {
  if (figure.target.kind === 'info') return '—';
  const value = results[figure.key];
  if (typeof value !== 'number' || Number.isNaN(value)) return 'MISS';
  const limit = bound(figure.target.limit, results);
  const ok =
    figure.target.kind === 'max'
      ? value <= limit
      : figure.target.kind === 'min'
        ? value >= limit
        : value === limit;
  return ok ? 'pass' : 'MISS';
}

/** A figure as people read it: grouped thousands, the unit, "n/a" when not measured. */
export function formatValue(value: unknown, unit = ''): string {
  if (value === undefined || value === null) return 'n/a';
  if (typeof value === 'number') {
    const text = Number.isInteger(value)
      ? value.toLocaleString('en-US')
      : value.toLocaleString('en-US', { maximumFractionDigits: 2 });
    return unit ? `${text} ${unit}` : text;
  }
  return String(value);
}

export function rows(figures: readonly Figure[], results: Results): Row[] {
  return figures.map((figure) => ({
    label: figure.label,
    value: formatValue(results[figure.key], figure.unit),
    target: figure.target.text,
    verdict: judge(figure, results),
  }));
}

/** A plain-text table with aligned columns, for the terminal and for docs. */
export function formatTable(table: readonly Row[]): string {
  const header: Row = { label: 'figure', value: 'measured', target: 'target', verdict: '—' };
  const all = [header, ...table];
  const width = (pick: (r: Row) => string) => Math.max(...all.map((r) => pick(r).length));
  const w = [width((r) => r.label), width((r) => r.value), width((r) => r.target)];
  const line = (r: Row, verdict: string) =>
    `${r.label.padEnd(w[0]!)}  ${r.value.padStart(w[1]!)}  ${r.target.padEnd(w[2]!)}  ${verdict}`;
  return [
    line(header, 'result'),
    line(
      {
        label: '-'.repeat(w[0]!),
        value: '-'.repeat(w[1]!),
        target: '-'.repeat(w[2]!),
        verdict: '—',
      },
      '------',
    ),
    ...table.map((r) => line(r, r.verdict)),
  ]
    .map((l) => l.trimEnd())
    .join('\n');
}
