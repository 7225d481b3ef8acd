/**
 * `check()` declares one conformance check: one Playwright test whose title starts with the check's stable id, tagged
 * with its profiles, carrying its definition as an annotation for the conformance reporter. It runs once however many
 * of its profiles the run selects (support/selected-profiles.ts), and its outcome counts for each of them. A check
 * whose required capability the target does not claim is skipped with the reason; a harness fault (transport failure,
 * a failed precondition) is annotated so the report says "could not evaluate" rather than "failed". A check whose
 * exchanges brought back a JSON body not labelled as SCIM JSON does not pass: it could not be evaluated
 * ({@link notScimJson}).
 */
import { HarnessError, isHarnessError } from '../../src/errors/harness-error.js';
import {
  CHECK_ANNOTATION,
  HARNESS_ERROR_ANNOTATION,
  PROFILE_VARIANT_ANNOTATION,
  type Profile,
  VARIANT_TAG,
} from '../../src/run-contract/index.js';
import type { TargetCapabilities } from './capabilities.js';
import { assertCheckDefinition, type CheckDefinition } from './check-definition.js';
import { type CheckFixtures, test, type WorkerFixtures } from './fixtures.js';
import { notScimJson } from './matchers.js';

export type CheckBody = (fixtures: CheckFixtures & WorkerFixtures) => Promise<void>;

export interface CheckOptions {
  /**
   * Profiles under which the check behaves differently (e.g. the `entra` profile writes only the attributes Entra's
   * default mappings send, support/optional-attributes.ts): each gets a variant of its own, a second test titled
   * `<id> [<profile>]: <title>`, tagged with that profile only and run only when it is selected. The check's other
   * profiles share the main test. The reporter merges the runs of a check as one result.
   */
  separately?: readonly Profile[];
}

const declared = new Set<string>();

export function check(definition: CheckDefinition, body: CheckBody, options: CheckOptions = {}): void {
  assertCheckDefinition(definition);
  if (declared.has(definition.id)) throw new Error(`Check id ${definition.id} is declared twice`);
  declared.add(definition.id);
  const separately = options.separately ?? [];
  const shared = definition.profiles.filter((profile) => !separately.includes(profile));
  const stray = separately.filter((profile) => !definition.profiles.includes(profile));
  if (stray.length > 0 || shared.length === 0)
    throw new Error(
      `Check ${definition.id}: separately must name some of its profiles, not all (${separately.join(', ')})`,
    );
  declareTest(`${definition.id}: ${definition.title}`, definition, shared, undefined, body);
  for (const profile of separately)
    declareTest(`${definition.id} [${profile}]: ${definition.title}`, definition, [profile], profile, body);
}

function declareTest(
  title: string,
  definition: CheckDefinition,
  profiles: readonly Profile[],
  variant: Profile | undefined,
  body: CheckBody,
): void {
  test(
    title,
    {
      tag: [...profiles.map((profile) => `@${profile}`), ...(variant === undefined ? [] : [VARIANT_TAG])],
      annotation: [
        { type: CHECK_ANNOTATION, description: JSON.stringify(definition) },
        ...(variant === undefined ? [] : [{ type: PROFILE_VARIANT_ANNOTATION, description: variant }]),
      ],
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
