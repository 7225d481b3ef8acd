/**
 * `levelBasis` texts several checks share: why a check is graded at its level when the sentence it quotes states the
 * behaviour without an RFC 2119 keyword (see check-definition.ts and requirement-level.ts).
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.5.2
 */

/** A PATCH operation's result, as RFC 7644 §3.5.2.1–§3.5.2.3 describe it. */
export const PATCH_OPERATION_DEFINED =
  'RFC 7644 §3.5.2 defines what each PATCH operation does in descriptive text ("The semantics of each operation are defined in the following subsections"), without RFC 2119 keywords. PATCH itself is OPTIONAL, but a server that claims it and answers success without this result has not performed the operation the client sent, so the check is graded MUST.';

/** GET of an existing resource, as RFC 7644 §3.4.1 describes it. */
export const READ_DEFINED =
  'RFC 7644 §3.4.1 states the answer to a GET of an existing resource ("the server responds with HTTP status code 200 (OK) and includes the result in the body of the response") without an RFC 2119 keyword; graded MUST because it defines retrieval itself: a client has no other way to read back what it provisioned.';

/** Attributes sent on create and expected back: RFC 7644 §3.3 leaves the server free to alter them. */
export const KEPT_ON_CREATE =
  'RFC 7644 §3.3 leaves the server "free to alter and/or ignore POSTed content", and no RFC 2119 sentence requires keeping these values; graded SHOULD, because a client that sends them expects them kept.';
