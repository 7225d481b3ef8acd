/**
 * Whether a check's grade follows the words it quotes: a check graded MUST quotes a sentence that says MUST (or SHALL,
 * REQUIRED), one graded SHOULD quotes SHOULD (RECOMMENDED), one graded MAY quotes MAY (OPTIONAL), and the sentence
 * binds the service provider rather than the client. A check whose grade rests on something else says so in its
 * `levelBasis`. Keywords count only in capitals: RFC 7644 §1.2 says "When these words are not capitalized, they are
 * meant in their natural-language sense."
 * @see https://www.rfc-editor.org/rfc/rfc2119
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-1.2
 */

import type { RequirementLevel } from '../../src/run-contract/index.js';
import type { CheckDefinition } from './check-definition.js';

/** The RFC 2119 keywords that word each level ("MUST NOT", "SHALL NOT", "SHOULD NOT", "NOT RECOMMENDED" included). */
export const LEVEL_KEYWORDS: Readonly<Record<RequirementLevel, readonly string[]>> = {
  MUST: ['MUST', 'SHALL', 'REQUIRED'],
  SHOULD: ['SHOULD', 'RECOMMENDED'],
  MAY: ['MAY', 'OPTIONAL'],
};

function keywordPattern(level: RequirementLevel): RegExp {
  return new RegExp(`\\b(?:${LEVEL_KEYWORDS[level].join('|')})\\b`, 'g');
}

/**
 * A keyword whose subject is the client ("Clients MAY …", "the client MAY supply …", "Client implementations MUST
 * …"), or whose passive agent is ("MUST NOT be specified by the client"). A passive "the client MUST be mapped" binds
 * whoever maps it, so it does not count as one.
 */
const CLIENT_SUBJECT = /(?:^|[^\w-])(?:SCIM )?(?:clients?|client implementations)\s*$/i;
const PASSIVE_AFTER = /^(?:\s+NOT)?\s+be\b/;
const CLIENT_AGENT_AFTER = /^(?:\s+NOT)?\s+be\s+\w+\s+by\s+(?:the\s+|a\s+|SCIM\s+)?clients?\b/i;

/** Where the level's keywords occur in the requirement, and which of them bind only the client. */
export function keywordUses(
  requirement: string,
  level: RequirementLevel,
): { keyword: string; onClient: boolean }[] {
  const uses: { keyword: string; onClient: boolean }[] = [];
  for (const match of requirement.matchAll(keywordPattern(level))) {
    const before = requirement.slice(0, match.index);
    const after = requirement.slice(match.index + match[0].length);
    const onClient =
      (CLIENT_SUBJECT.test(before) && !PASSIVE_AFTER.test(after)) || CLIENT_AGENT_AFTER.test(after);
    uses.push({ keyword: match[0], onClient });
  }
  return uses;
}

/**
 * What is wrong with a definition's grading, in words naming the level and the keywords it lacks; empty when the
 * quoted requirement words its level for the service provider, or when `levelBasis` explains the grade.
 */
export function levelProblems(
  definition: Pick<CheckDefinition, 'level' | 'requirement' | 'levelBasis'>,
): string[] {
  if (definition.levelBasis !== undefined) return [];
  const { level, requirement } = definition;
  const uses = keywordUses(requirement, level);
  const keywords = LEVEL_KEYWORDS[level].join('/');
  if (uses.length === 0) {
    return [
      `graded ${level}, but its requirement has no ${keywords}: requote the sentence, regrade, or give levelBasis`,
    ];
  }
  if (uses.every((use) => use.onClient)) {
    return [
      `graded ${level}, but every ${keywords} in its requirement binds the client, not the service provider: quote the sentence that binds the server, or give levelBasis`,
    ];
  }
  return [];
}
