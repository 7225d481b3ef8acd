/**
 * `check()` declares one conformance check: one Playwright test whose title starts with the check's stable id, tagged
 * with its profiles, carrying its definition as an annotation for the conformance reporter. A check whose required
 * capability the target does not claim is skipped with the reason; a harness fault (transport failure, a failed
 * precondition) is annotated so the report says "could not evaluate" rather than "failed". A check whose exchanges
 * brought back a JSON body not labelled as SCIM JSON does not pass: it could not be evaluated ({@link notScimJson}).
 */
import { HarnessError, isHarnessError } from '../../src/errors/harness-error.js';
import type { TargetCapabilities } from './capabilities.js';
import {
  assertCheckDefinition,
  CHECK_ANNOTATION,
  type CheckDefinition,
  HARNESS_ERROR_ANNOTATION,
} from './check-definition.js';
import { type CheckFixtures, test, type WorkerFixtures } from './fixtures.js';
import { notScimJson } from './matchers.js';

export type CheckBody = (fixtures: CheckFixtures & WorkerFixtures) => Promise<void>;

const declared = new Set<string>();

export function check(definition: CheckDefinition, body: CheckBody): void {
  assertCheckDefinition(definition);
  if (declared.has(definition.id)) throw new Error(`Check id ${definition.id} is declared twice`);
  declared.add(definition.id);
  test(
    `${definition.id}: ${definition.title}`,
    {
      tag: definition.profiles.map((profile) => `@${profile}`),
      annotation: [{ type: CHECK_ANNOTATION, description: JSON.stringify(definition) }],
    },
    async ({ scim, exchanges, faker, resources, target, capabilities }, testInfo) => {
      const missing = unclaimed(definition, capabilities);
      test.skip(missing !== undefined, missing);
      try {
        await body({ scim, exchanges, faker, resources, target, capabilities });
        const unusable = notScimJson(exchanges);
        if (unusable !== undefined) throw new HarnessError('TARGET_RESPONSE_UNUSABLE', unusable);
      } catch (error) {
        if (isHarnessError(error)) {
          testInfo.annotations.push({
            type: HARNESS_ERROR_ANNOTATION,
            description: `${error.code}: ${error.message}`,
          });
        }
        throw error;
      }
    },
  );
}

function unclaimed(definition: CheckDefinition, capabilities: TargetCapabilities): string | undefined {
  for (const capability of definition.requires ?? []) {
    if (!capabilities.claims[capability]) {
      return `The target does not claim ${capability} (${capabilities.reasons[capability]})`;
    }
  }
  return undefined;
}
