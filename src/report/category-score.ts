import type { CheckResult } from '../run-contract/index.js';

/**
 * How a category fared. `applicable` counts the checks that reached a verdict on the target
 * (passed + failed): a skipped check did not apply and an errored one could not be evaluated, so neither
 * lowers nor raises the score; both are shown beside it.
 *
 * An `unsupported` check (the target declined the feature, as the RFC allows) is neither a pass nor a failure, so
 * it is not applicable either: the score says how well the target does what it implements, and the `unsupported`
 * count beside it says how much it declines. Whether declining fails a profile is the verdict's business
 * (`neededBy`), not the score's.
 */
export interface CategoryScore {
  category: string;
  total: number;
  passed: number;
  failed: number;
  skipped: number;
  errored: number;
  unsupported: number;
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
        unsupported: 0,
        applicable: 0,
      };
      scores.set(check.category, score);
    }
    score.total += 1;
    switch (check.status) {
      case 'passed':
        score.passed += 1;
        break;
      case 'failed':
        score.failed += 1;
        break;
      case 'skipped':
        score.skipped += 1;
        break;
      case 'error':
        score.errored += 1;
        break;
      case 'unsupported':
        score.unsupported += 1;
        break;
      default: {
        const unreachable: never = check.status;
        throw new TypeError(`unknown status ${String(unreachable)}`);
      }
    }
    score.applicable = score.passed + score.failed;
  }
  return [...scores.values()].sort((a, b) => a.category.localeCompare(b.category));
}

/** `12 / 15 (80%)`, or `n/a` when nothing in the category reached a verdict. */
export function formatScore(score: CategoryScore): string {
  if (score.applicable === 0) return 'n/a';
  return `${score.passed} / ${score.applicable} (${Math.round((score.passed / score.applicable) * 100)}%)`;
}
