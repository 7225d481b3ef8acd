import { expect, test } from '@playwright/test';
import { resolveClientProfile } from './client-profile.js';
import { AUTHORIZATION_PLACEHOLDER } from './request-descriptor.js';
import { DOCUMENTED_EXAMPLES } from './test-support/documented-examples.js';

// Every documented Entra request, in every mode it holds for: the builder must emit it exactly.
for (const example of DOCUMENTED_EXAMPLES) {
  for (const mode of example.modes) {
    const annotation = { type: example.evidence, description: example.source };
    test(`documented request: ${example.name} [${mode}]`, { annotation }, () => {
      const profile = resolveClientProfile({ mode, ...example.options });
      const request = example.build(profile);
      expect({
        method: request.method,
        path: request.path,
        query: request.query,
        body: request.body,
      }).toEqual({
        method: example.expected.method,
        path: example.expected.path,
        query: example.expected.query,
        body: example.expected.body,
      });
      expect(request.headers.Authorization).toBe(AUTHORIZATION_PLACEHOLDER);
    });
  }
}

test('every documented body that differs by mode has a row per mode', () => {
  const modesByName = new Map<string, Set<string>>();
  for (const example of DOCUMENTED_EXAMPLES) {
    const base = example.name.replace(/, (legacy|compliant)$/, '');
    const modes = modesByName.get(base) ?? new Set<string>();
    for (const mode of example.modes) modes.add(mode);
    modesByName.set(base, modes);
  }
  // The four behaviours COMPAT lists as changed by aadOptscim062020 are covered in both modes.
  for (const name of [
    'Disable user',
    'Add single-value string attribute',
    'Replace multiple attributes',
    'Remove group member',
  ]) {
    expect([...(modesByName.get(name) ?? [])].sort(), name).toEqual(['compliant', 'legacy']);
  }
});
