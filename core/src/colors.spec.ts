import { describe, expect, it } from 'vitest';
import { contrastRatio, formatRatio, normalizeHexColor } from './colors';

describe('hex colors', () => {
  it('accepts six or three digits, with or without #, in any case, and writes them one way', () => {
    expect(normalizeHexColor('#1F6F5C')).toBe('#1f6f5c');
    expect(normalizeHexColor('1f6f5c')).toBe('#1f6f5c');
    expect(normalizeHexColor(' #fa0 ')).toBe('#ffaa00');
  });

  it('refuses what is not a hex color', () => {
    for (const input of ['red', '#12345', '#1234567', 'rgb(0,0,0)', '#ggg', '', 42, null]) {
      expect(normalizeHexColor(input)).toBeNull();
    }
  });
});

describe('contrast (WCAG 2)', () => {
  it('is 21:1 for black on white and 1:1 for a color on itself, in either order', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#1f6f5c', '#1f6f5c')).toBe(1);
  });

  it('matches known values around the 4.5:1 bar', () => {
    // #777 on white is the classic "just under AA" grey; #767676 just passes.
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#767676', '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it('rounds down when showing a ratio, so 4.48 never reads as 4.5', () => {
    expect(formatRatio(4.4899)).toBe('4.48:1');
    expect(formatRatio(21)).toBe('21:1');
  });
});
