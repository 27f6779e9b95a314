/**
 * axe-core in the real browser: injected into a page or frame from the installed package,
 * then run there. Tests fail on serious or critical violations only; the report lists
 * each with its rule, help text and the elements concerned, so a failure says what to fix.
 */
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core');

export interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/**
 * Runs axe on a page or frame (optionally within one element) and returns the serious and
 * critical violations. Frames are checked separately: pass each frame explicitly.
 */
export async function seriousViolations(
  target: Page | Frame,
  { include }: { include?: string } = {},
): Promise<AxeViolation[]> {
  const hasAxe = await target.evaluate(() => 'axe' in window);
  if (!hasAxe) await target.addScriptTag({ path: AXE_PATH });
  const violations = await target.evaluate(async (selector) => {
    const axe = (
      window as unknown as {
        axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: unknown[] }> };
      }
    ).axe;
    const context = selector ? { include: [[selector]] } : document;
    const result = await axe.run(context, { iframes: false, resultTypes: ['violations'] });
    return result.violations;
  }, include ?? null);
  return (violations as AxeViolation[]).filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
}

/** A readable list of violations for an assertion message. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help}\n` +
        v.nodes
          .slice(0, 5)
          .map(
            (n) =>
              `  - ${JSON.stringify(n.target)}${n.failureSummary ? `\n    ${n.failureSummary.replace(/\n/g, '\n    ')}` : ''}`,
          )
          .join('\n'),
    )
    .join('\n');
}
