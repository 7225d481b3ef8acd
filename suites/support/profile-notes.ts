import type { Profile, ReportNote } from '../../src/run-contract/index.js';

/**
 * Where a profile's documents contradict themselves, or another profile of the run, the suites do not grade the
 * requirement: they list the contradiction in the report's notes (conformance.json `notes`, report.html, summary.md
 * and the terminal), attached when the run selects the profile. Each note cites the documents, revisions and sections.
 * @see https://datatracker.ietf.org/doc/draft-zollner-scim-interop-profile/01/
 * @see https://openid.net/specs/ipsie-al-scim-profile-1_0.html
 */

const INTEROP = 'draft-zollner-scim-interop-profile-01';
const IPSIE = 'IPSIE SCIM profile draft-00';

export const PROFILE_NOTES: readonly (ReportNote & { profile: Profile })[] = [
  {
    profile: 'interop',
    text: `Path-less PATCH is not graded: ${INTEROP} §6.5.1.1 says Service Providers "MUST reject PATCH requests containing operations that lack a path attribute with an HTTP 400 Bad Request", while its §6.5.3 says they "MAY return an HTTP 400 Bad Request for any PATCH operation that violates these constraints" (invalidSyntax: "Missing path"). RFC 7644 §3.5.2 defines path-less operations, and Microsoft Entra ID sends them, so a provider rejecting them fails the rfc7644 and entra path-less checks.`,
  },
  {
    profile: 'interop',
    text: `Replacing a whole complex attribute is not graded: ${INTEROP} §6.5.2.1 says a replace of path "name" "MUST replace the entire complex attribute with the provided object", while RFC 7644 §3.5.2.3, which the profile builds on, says of the same operation "Sub-attributes that are not specified in the "value" parameter are left unchanged."`,
  },
  {
    profile: 'interop',
    text: `An undefined PATCH path is graded only by RFC 7644: ${INTEROP} §5.3 asks for 400 invalidSyntax for a request naming an undefined attribute, RFC 7644 §3.5.2 for 400 invalidPath (or noTarget); the interop check covers POST only. The schema URIs Microsoft Entra ID lists for groups (ADSCIM) are not defined in /Schemas either, so a strictly conformant provider refuses Entra's group creation unless it publishes them.`,
  },
  {
    profile: 'ipsie',
    text: `DELETE /Users/{id} is not graded as required: ${IPSIE} §5.2 says "Applications MAY allow users to be deleted via the SCIM operation DELETE /Users/{id}", its §10 that the Application "SHALL support DELETE /Users/{id}". What follows a DELETE (userName reuse, §5.2) is graded.`,
  },
  {
    profile: 'ipsie',
    text: `Token-endpoint authentication is not graded: ${IPSIE} §4.1 requires "the client_credentials grant type with JWT Client Authentication as defined in [RFC7523] section 2.2" and, in the same section, that the Identity Service "MUST authenticate to the Application's OAuth 2.0 authorization server using HTTP Basic authentication".`,
  },
  {
    profile: 'ipsie',
    text: `Bulk is not graded for ipsie: ${IPSIE} §4.3 says the Application "MUST support the SCIM /Bulk endpoint defined in [RFC7643] section 3.7" (Bulk is RFC 7644 §3.7), while ${INTEROP} §6.8, which IPSIE §4.2 imports, makes /Bulk OPTIONAL.`,
  },
  {
    profile: 'ipsie',
    text: `The leaver verification of ${IPSIE} §5.1 (a deactivated user's sessions and keys revoked, within 5 minutes) is not a conformance check: run it with \`scim-harness replay --scenario leaver\`.`,
  },
];

/** The notes for the profiles a run selected. */
export function notesFor(profiles: readonly string[]): ReportNote[] {
  return PROFILE_NOTES.filter((note) => profiles.includes(note.profile)).map(({ profile, text }) => ({
    profile,
    text,
  }));
}
