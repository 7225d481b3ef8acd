/**
 * Filter checks as table rows: each row is one expression run against the three personas (see user-personas.ts),
 * asserting the exact set it must list. The operator and expression tables share this, so a new filter case is a new
 * row, not a new check body.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.4.2.2
 */
import type { QuirkName } from '../../src/reference-server/index.js';
import type { Profile, RequirementLevel } from '../../src/run-contract/index.js';
import { check } from './check.js';
import { requireDeclared } from './unsupported.js';
import { createPersonas, expectPersonaFilter, type PersonaKey, type Personas } from './user-personas.js';

export interface PersonaFilterRow {
  id: string;
  title: string;
  /** MUST unless stated. */
  level?: RequirementLevel;
  requirement: string;
  levelBasis?: string;
  fix: string;
  /** Where the requirement is written; RFC 7644 §3.4.2.2 unless stated. */
  rfc?: string;
  /** The expression under test; `scoped` rows are ANDed with the personas' scope (see user-personas.ts). */
  filter: (p: Personas) => string;
  scoped?: boolean;
  /** What the expression asks of the target, for an `unsupported` outcome ("the `ne` operator"). */
  feature: string;
  /** Attributes the target must declare in /Schemas (else the check is skipped: they are optional). */
  declared?: readonly string[];
  expected: readonly PersonaKey[];
  /** `rfc7644` unless stated. */
  profiles?: readonly Profile[];
  /** `filter-ignored` unless stated. */
  quirks?: readonly QuirkName[];
  /** Attributes the filter relies on, which the target must have kept (else the check cannot be evaluated). */
  stored?: readonly string[];
}

/** Registers one check per row. */
export function personaFilterChecks(rows: readonly PersonaFilterRow[]): void {
  for (const row of rows) {
    check(
      {
        id: row.id,
        title: row.title,
        level: row.level ?? 'MUST',
        rfc: row.rfc ?? 'RFC 7644 §3.4.2.2',
        category: 'filter',
        profiles: row.profiles ?? ['rfc7644'],
        requirement: row.requirement,
        levelBasis: row.levelBasis,
        fix: row.fix,
        requires: ['filter'],
        quirks: row.quirks ?? ['filter-ignored'],
      },
      async ({ scim, resources, capabilities }) => {
        requireDeclared(capabilities, 'User', row.declared ?? []);
        const personas = await createPersonas(resources);
        personas.assertStored(...(row.stored ?? []));
        await expectPersonaFilter(scim, personas, {
          expression: row.filter(personas),
          ...(row.scoped ? { scoped: true } : {}),
          feature: row.feature,
          expected: row.expected,
        });
      },
    );
  }
}
