export declare const RULES_COVERAGE_JSON: string;
export declare const RULES_COVERAGE_HTML: string;
export declare function ruleCoverageUrl(host: string, projectId: string, format?: string): string;
export declare function saveRulesCoverage(host: string, projectId: string): Promise<void>;
export interface RulesCoverage {
  total: number;
  missed: number;
  unevaluated: { line: number; column: number; text: string }[];
}
export declare function rulesCoverageOf(report: unknown): RulesCoverage;
export declare function readRulesCoverage(): RulesCoverage | null;
export declare function reportRulesCoverage(coverage: RulesCoverage | null): boolean;
