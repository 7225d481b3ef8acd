/**
 * SCIM PATCH (RFC 7644 §3.5.2) as pure functions of the model: parse a PatchOp message, apply it to a resource.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.5.2
 */
export type { ApplyPatchOptions, ApplyPatchResult } from './apply-patch.js';
export { applyPatch } from './apply-patch.js';
export { parsePatchRequest } from './parse-patch-request.js';
export type {
  NonCanonicalKind,
  NonCanonicalNote,
  PatchOperation,
  PatchOpName,
  PatchRequest,
} from './patch-request.js';
export { NON_CANONICAL_KINDS, PATCH_OPS } from './patch-request.js';
