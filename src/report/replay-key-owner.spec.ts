import { expect, test } from '@playwright/test';
import { describeKeyOwnerRestore, type ReplayKeyOwnerRestore } from '../run-contract/index.js';
import { renderHtml } from './render-html.js';
import { sampleReplayResult } from './test-support/sample-results.js';

// [what became of the owner, the sentence stderr and report.html show]
const LINES: [ReplayKeyOwnerRestore, RegExp][] = [
  [
    { userName: 'a@x.example', priorActive: true, restore: 'restored', status: '200' },
    /^Key owner a@x\.example: set back to active=true \(200\)\. Its key stays revoked/,
  ],
  [
    { userName: 'a@x.example', priorActive: true, restore: 'kept' },
    /^Key owner a@x\.example: left inactive \(--keep\); set active back to true by hand when done\.$/,
  ],
  [
    { userName: 'a@x.example', priorActive: true, restore: 'failed', status: '403' },
    /^WARNING: user a@x\.example is left INACTIVE on the tenant \(the PATCH setting active back to true got 403\): set active back to true on that user by hand\.$/,
  ],
  [
    { userName: 'a@x.example', priorActive: true, restore: 'failed' },
    /left INACTIVE on the tenant \(the PATCH setting active back to true got no answer\)/,
  ],
  [
    { userName: 'b@x.example', priorActive: false, restore: 'failed', status: 'timeout' },
    /^WARNING: user b@x\.example is left INACTIVE .*got timeout\): set active back to false on that user by hand\.$/,
  ],
  [
    { userName: 'a@x.example', priorActive: true, restore: 'untouched' },
    /never deactivated, nothing to put back/,
  ],
];

for (const [owner, line] of LINES) {
  test(`describeKeyOwnerRestore: ${owner.restore} (${owner.status ?? 'no status'})`, () => {
    const text = describeKeyOwnerRestore(owner);
    expect(text).toMatch(line);
    // One sentence on one line: it goes to stderr as is.
    expect(text).not.toContain('\n');
  });
}

/** The sentence under the scenario in report.html, as written in the page (text escaped), or `undefined`. */
function ownerLine(page: string): string | undefined {
  return /<p class="key-owner-restore restore-[a-z]+">([^<]*)<\/p>/.exec(page)?.[1];
}

test('report.html says under the scenario what became of its owner, and nothing when there is none', () => {
  const owner: ReplayKeyOwnerRestore = {
    userName: 'a@x.example',
    priorActive: true,
    restore: 'failed',
    status: '403',
  };
  const base = sampleReplayResult();
  const withOwner = {
    ...base,
    scenario: { name: 'key-revocation', outcome: 'key-rejected', explanation: 'e', owner },
  };
  expect(ownerLine(renderHtml(null, { replay: withOwner }))).toBe(
    describeKeyOwnerRestore(owner).replaceAll('&', '&amp;').replaceAll('"', '&quot;'),
  );
  expect(ownerLine(renderHtml(null, { replay: base }))).toBeUndefined();
});
