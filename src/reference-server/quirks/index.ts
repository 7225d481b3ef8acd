/**
 * The quirk entries of every area, and their composition into one server's seams.
 * @see ../seams.ts
 */
import { QUIRKS, type QuirkArea, type QuirkName, type QuirkSet } from '../quirks.js';
import { type ComposedSeams, composeSeams, type SeamOverrides } from '../seams.js';
import { ASYNC_QUIRKS } from './async.js';
import { AUTH_QUIRKS } from './auth.js';
import { BULK_QUIRKS } from './bulk.js';
import { CREATE_QUIRKS } from './create.js';
import { DELETE_QUIRKS } from './delete.js';
import { DISCOVERY_QUIRKS } from './discovery.js';
import { ENTERPRISE_QUIRKS } from './enterprise.js';
import type { QuirkEntries } from './entry.js';
import { ERRORS_QUIRKS } from './errors.js';
import { ETAG_QUIRKS } from './etag.js';
import { FILTER_QUIRKS } from './filter.js';
import { GROUPS_QUIRKS } from './groups.js';
import { LIST_QUIRKS } from './list.js';
import { MEDIA_TYPE_QUIRKS } from './media-type.js';
import { PAGINATION_QUIRKS } from './pagination.js';
import { PATCH_QUIRKS } from './patch.js';
import { PROJECTION_QUIRKS } from './projection.js';
import { RATE_LIMIT_QUIRKS } from './rate-limit.js';
import { READ_QUIRKS } from './read.js';
import { REPLACE_QUIRKS } from './replace.js';
import { SORT_QUIRKS } from './sort.js';
import { UNIQUENESS_QUIRKS } from './uniqueness.js';

/** Every area's entries, by the file (area) they live in. */
export const QUIRK_ENTRIES_BY_AREA: Readonly<Partial<Record<QuirkArea, QuirkEntries>>> = {
  async: ASYNC_QUIRKS,
  auth: AUTH_QUIRKS,
  bulk: BULK_QUIRKS,
  create: CREATE_QUIRKS,
  delete: DELETE_QUIRKS,
  discovery: DISCOVERY_QUIRKS,
  enterprise: ENTERPRISE_QUIRKS,
  errors: ERRORS_QUIRKS,
  etag: ETAG_QUIRKS,
  filter: FILTER_QUIRKS,
  groups: GROUPS_QUIRKS,
  list: LIST_QUIRKS,
  'media-type': MEDIA_TYPE_QUIRKS,
  pagination: PAGINATION_QUIRKS,
  patch: PATCH_QUIRKS,
  projection: PROJECTION_QUIRKS,
  'rate-limit': RATE_LIMIT_QUIRKS,
  read: READ_QUIRKS,
  replace: REPLACE_QUIRKS,
  sort: SORT_QUIRKS,
  uniqueness: UNIQUENESS_QUIRKS,
};

/** The seams each quirk fills in. */
export const QUIRK_SEAMS: QuirkEntries = Object.assign({}, ...Object.values(QUIRK_ENTRIES_BY_AREA));

/** The seams of a server with these quirks, composed once, in catalogue order. */
export function seamsFor(quirks: QuirkSet): ComposedSeams {
  const overrides: SeamOverrides[] = QUIRKS.flatMap(({ name }) => {
    const entry = quirks.has(name as QuirkName) ? QUIRK_SEAMS[name as QuirkName] : undefined;
    return entry === undefined ? [] : [entry];
  });
  return composeSeams(overrides);
}
