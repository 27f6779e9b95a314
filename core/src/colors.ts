/**
 * Colors as merchants type them (hex) and how readable text is on them (WCAG 2 contrast),
 * so the console can warn before a shopper gets a header they cannot read.
 */

const HEX = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i;

/** "#1F6F5C", "1f6f5c" or "#1f6" → "#1f6f5c"; null when it is not a hex color. */
export function normalizeHexColor(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  const match = HEX.exec(input.trim());
  if (!match) return null;
  const digits = match[1]!.toLowerCase();
  const full = digits.length === 3 ? [...digits].map((d) => d + d).join('') : digits;
  return `#${full}`;
}

/** Relative luminance of a hex color (WCAG 2.x definition), 0 for black to 1 for white. */
export function relativeLuminance(hex: string): number {
  const normalized = normalizeHexColor(hex);
  if (!normalized) throw new Error(`Not a hex color: ${hex}`);
  const channel = (offset: number) => {
    const value = parseInt(normalized.slice(offset, offset + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG contrast ratio between two colors, from 1 (none) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/** WCAG AA: normal text needs 4.5:1; icons and other graphics need 3:1. */
export const MIN_TEXT_CONTRAST = 4.5;
export const MIN_GRAPHIC_CONTRAST = 3;

/** "4.48:1", rounded down so a ratio just under the bar never reads as reaching it. */
export const formatRatio = (ratio: number) => `${Math.floor(ratio * 100) / 100}:1`;
