/**
 * The `attributes` and `excludedAttributes` query parameters: comma-separated attribute names in standard
 * attribute notation (RFC 7644 §3.10), e.g. `userName,name.familyName,urn:…:enterprise:2.0:User:manager`.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.4.2.5
 */
import { ScimError } from '../errors/scim-error.js';
import type { AttrPath } from '../filter/ast.js';
import { parseAttrPath } from '../filter/attr-path.js';

/**
 * Parses an `attributes`/`excludedAttributes` value. An empty or blank value is an empty list. A whole
 * schema URN (`urn:ietf:params:scim:schemas:extension:enterprise:2.0:User`) parses as
 * `{uri: '…:2.0', attr: 'User'}`, like any URN-qualified name; the registry tells the two apart.
 *
 * RFC 7644 names no error for a malformed list; `invalidValue` ("the value specified was not compatible
 * with the operation") fits a query parameter better than `invalidPath`, which §3.12 ties to PATCH's
 * `path`.
 * @throws ScimError 400 `invalidValue` naming the entry and what is wrong with it.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.10
 */
export function parseAttributeList(text: string): AttrPath[] {
  if (typeof text !== 'string') throw ScimError.invalidValue('the attribute list must be a string');
  if (text.trim() === '') return [];
  return text.split(',').map((entry, index) => {
    const name = entry.trim();
    if (name === '') {
      throw ScimError.invalidValue(
        `attribute list ${JSON.stringify(text)} has an empty entry at position ${index + 1}; expected comma-separated attribute names`,
      );
    }
    try {
      return parseAttrPath(name);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw ScimError.invalidValue(
        `attribute list entry ${JSON.stringify(name)} is not an attribute name: ${reason}`,
      );
    }
  });
}
