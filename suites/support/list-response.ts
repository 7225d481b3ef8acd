/**
 * Reading what a list, filter or search answered (RFC 7644 §3.4.2 ListResponse) without assuming the target's key
 * case (attribute names are case-insensitive, RFC 7643 §2.1), and asserting that a query matched exactly the
 * resources a check created. Other resources may exist on the tenant, so assertions only ever compare against ids the
 * check itself created and constrained the query to.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.4.2
 */
import { test } from '@playwright/test';
import type { ScimExchange } from '../../src/http/index.js';
import { isJsonObject } from '../../src/json/json-guards.js';
import { member } from './case-insensitive-json.js';
import { expect } from './fixtures.js';
import { answered, describeExchange, markDecisive } from './matchers.js';
import { unsupportedWhenNotImplemented } from './unsupported.js';

/** An attribute of a JSON object, matched case-insensitively (the name the list and group checks use for `member`). */
export { member as attributeOf } from './case-insensitive-json.js';

/** The `Resources` of a ListResponse body; `[]` when absent (allowed when totalResults is 0). */
export function listedResources(exchange: ScimExchange): Record<string, unknown>[] {
  const resources = member(answered(exchange).json, 'Resources');
  return Array.isArray(resources) ? resources.filter(isJsonObject) : [];
}

/** The ids of the listed resources, in the order the target returned them. */
export function listedIds(exchange: ScimExchange): string[] {
  return listedResources(exchange).map((resource) => String(member(resource, 'id')));
}

/** A numeric ListResponse field (`totalResults`, `itemsPerPage`, `startIndex`), or undefined when absent or not a number. */
export function listNumber(
  exchange: ScimExchange,
  name: 'totalResults' | 'itemsPerPage' | 'startIndex',
): number | undefined {
  const value = member(answered(exchange).json, name);
  return typeof value === 'number' ? value : undefined;
}

/** Names ids for failure messages: the check's own labels, `other:<id>` for anything it did not create. */
export function labelIds(ids: readonly string[], labels: ReadonlyMap<string, string>): string[] {
  return ids.map((id) => labels.get(id) ?? `other:${id}`);
}

/**
 * Asserts a list answered 200 with exactly `expected` (order-insensitive) and a totalResults equal to their number.
 * `labels` turns ids into the names the check gave its resources, so a failure reads "expected [alpha] got [alpha,
 * bravo]".
 */
export async function expectExactly(
  exchange: ScimExchange,
  expected: readonly string[],
  labels: ReadonlyMap<string, string>,
): Promise<void> {
  await expect(exchange).toHaveStatus(200);
  const got = labelIds(listedIds(exchange), labels).sort();
  const want = labelIds(expected, labels).sort();
  const total = listNumber(exchange, 'totalResults');
  markDecisive(exchange, JSON.stringify(got) === JSON.stringify(want) && total === expected.length);
  expect(got, `resources matched by ${describeExchange(exchange)}`).toEqual(want);
  expect(total, `totalResults of ${describeExchange(exchange)}`).toBe(expected.length);
}

/** Asserts a list answered 200 with `expected` in exactly this order (for sorting). */
export async function expectInOrder(
  exchange: ScimExchange,
  expected: readonly string[],
  labels: ReadonlyMap<string, string>,
): Promise<void> {
  await expect(exchange).toHaveStatus(200);
  const got = labelIds(listedIds(exchange), labels);
  markDecisive(exchange, JSON.stringify(got) === JSON.stringify(labelIds(expected, labels)));
  expect(got, `order of the resources in ${describeExchange(exchange)}`).toEqual(labelIds(expected, labels));
}

/**
 * Ends the running check when the target answered that an optional endpoint does not exist: 501 Not Implemented is
 * `unsupported`, 404 and 405 skip it with the reason. Never a failure.
 */
export function skipWhenUnsupported(exchange: ScimExchange, what: string): void {
  // 501 is RFC 7644 §3.12's "not implemented": the target declines the feature, which is `unsupported`.
  unsupportedWhenNotImplemented(exchange, what);
  const status = exchange.response?.status;
  test.skip(
    status === 404 || status === 405 || status === 501,
    `The target does not support ${what} (HTTP ${status})`,
  );
}
