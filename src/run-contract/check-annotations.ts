/**
 * How a check's definition and outcome travel in Playwright's own results: the annotations and the attachment a check
 * carries, read by the suites' reporters, the self-test and the benchmarks (from Playwright's JSON report). One list,
 * so no reader keeps a copy of a name.
 */

/** The annotation type under which a check's definition travels to the reporter. */
export const CHECK_ANNOTATION = 'scim-check';
/**
 * Set at run time when the target declined the feature a check tests in a way the RFC allows (`400 invalidFilter` to
 * a filter that parses, 501 for an optional endpoint, a PATCH path on an attribute its /Schemas does not declare). Its
 * description is the reason, naming the feature and what the target answered; the check is then skipped by the
 * runner and reported `unsupported`.
 */
export const UNSUPPORTED_ANNOTATION = 'scim-unsupported';
/**
 * On a check's per-profile variant (see `check()`'s `separately`): the one profile the variant runs for. A check without
 * it runs once for all its selected profiles.
 */
export const PROFILE_VARIANT_ANNOTATION = 'scim-profile-variant';
/** The tag of a per-profile variant, so a run can leave the variants out (the quirk matrix does). */
export const VARIANT_TAG = '@variant';
/** Set at run time when a check could not be evaluated (a harness fault, not a verdict on the target). */
export const HARNESS_ERROR_ANNOTATION = 'scim-harness-error';
/** The attachment holding a check's recorded exchanges (already redacted). */
export const EXCHANGES_ATTACHMENT = 'scim-exchanges';
