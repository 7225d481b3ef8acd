import type { CheckResult } from './conformance-result.js';

/**
 * How a category fared. `applicable` counts the checks that reached a verdict on the target
 * (passed + failed): a skipped check did not apply and an errored one could not be evaluated, so neither
 * lowers nor raises the score; both are shown beside it.
 */
export interface CategoryScore {
  category: string;
  total: number;
  passed: number;
  failed: number;
  skipped: number;
  errored: number;
  applicable: number;
}

/** One score per category, in alphabetical order. */
export function scoreCategories(checks: readonly CheckResult[]): CategoryScore[] {
  const scores = new Map<string, CategoryScore>();
  for (const check of checks) {
    let score = scores.get(check.category);
    if (!score) {
      score = {
        category: check.category,
        total: 0,
        passed: 0,
        failed: 0,
        skipped: 0,
        errored: 0,
        applicable: 0,
      };
      scores.set(check.category, score);
    }
    score.total += 1;
    if (check.status === 'passed') score.passed += 1;
    else if (check.status === 'failed') score.failed += 1;
    else if (check.status === 'skipped') score.skipped += 1;
    else score.errored += 1;
    score.applicable = score.passed + score.failed;
  }
  return [...scores.values()].sort((a, b) => a.category.localeCompare(b.category));
}

/** `12 / 15 (80%)`, or `n/a` when nothing in the category reached a verdict. */
export function formatScore(score: CategoryScore): string {
  if (score.applicable === 0) return 'n/a';
  return `${score.passed} / ${score.applicable} (${Math.round((score.passed / score.applicable) * 100)}%)`;
}
