import { describe, expect, it } from 'vitest';
import { formatTable, formatValue, judge, rows, type Figure } from './report';

const loader: Figure = {
  key: 'loaderGzipBytes',
  label: 'loader, gzip',
  unit: 'B',
  target: { kind: 'max', limit: 4096, text: '≤ 4 KB' },
};
const admitted: Figure = {
  key: 'capAdmitted',
  label: 'cap race: admitted',
  target: { kind: 'equals', limit: (r) => Number(r.capLimit), text: '= the cap' },
};
const racers: Figure = {
  key: 'capRacers',
  label: 'racers',
  target: { kind: 'min', limit: 30, text: '≥ 30' },
};
const p50: Figure = {
  key: 'p50',
  label: 'p50',
  unit: 'ms',
  target: { kind: 'info', text: 'reported' },
};

describe('judge', () => {
  it('a maximum passes at the limit and misses one byte over', () => {
    expect(judge(loader, { loaderGzipBytes: 4096 })).toBe('pass');
    expect(judge(loader, { loaderGzipBytes: 4097 })).toBe('MISS');
  });

  it('a minimum passes at the limit and misses below it', () => {
    expect(judge(racers, { capRacers: 30 })).toBe('pass');
    expect(judge(racers, { capRacers: 29 })).toBe('MISS');
  });

  it('an equality can be against another figure of the same run', () => {
    expect(judge(admitted, { capAdmitted: 5, capLimit: 5 })).toBe('pass');
    expect(judge(admitted, { capAdmitted: 6, capLimit: 5 })).toBe('MISS');
  });

  it('a figure that was not measured misses instead of passing silently', () => {
    expect(judge(loader, {})).toBe('MISS');
    expect(judge(loader, { loaderGzipBytes: null })).toBe('MISS');
  });

  it('a reported-only figure has no verdict', () => {
    expect(judge(p50, { p50: 12 })).toBe('—');
  });
});

describe('formatValue', () => {
  it('groups thousands, keeps two decimals at most and adds the unit', () => {
    expect(formatValue(167764, 'B')).toBe('167,764 B');
    expect(formatValue(1.256)).toBe('1.26');
    expect(formatValue(0)).toBe('0');
  });

  it('says n/a for a missing figure', () => {
    expect(formatValue(undefined, 'ms')).toBe('n/a');
    expect(formatValue(null)).toBe('n/a');
  });
});

describe('formatTable', () => {
  it('aligns each figure next to its target and result', () => {
    const table = formatTable(rows([loader, p50], { loaderGzipBytes: 3154, p50: 28.7 }));
    expect(table.split('\n')).toEqual([
      'figure        measured  target    result',
      '------------  --------  --------  ------',
      'loader, gzip   3,154 B  ≤ 4 KB    pass',
      'p50            28.7 ms  reported  —',
    ]);
  });
});
