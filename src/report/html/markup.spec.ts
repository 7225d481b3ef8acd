import { expect, test } from '@playwright/test';
import { html, renderMarkup, type VNode } from './markup.js';

test('markup escapes every interpolated text and attribute value', () => {
  const hostile = '"><script>alert(1)</script>';
  const out = renderMarkup(html`<p title=${hostile}>${hostile}</p>` as VNode);
  expect(out).not.toContain('<script>');
  expect(out).toBe(
    '<p title="&quot;>&lt;script>alert(1)&lt;/script>">&quot;>&lt;script>alert(1)&lt;/script></p>',
  );
});
