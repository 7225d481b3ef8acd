/**
 * How a run marks what it creates: every resource carries the run id in its userName or displayName, so a sweep or
 * `cleanup --run-id` finds it again and deletes nothing else. The suites and the mock IdP write the tags; the CLI's
 * sweep and cleanup read them.
 */

/**
 * Whether `name` carries `runId` as the harness writes it, as a whole token:
 * - the suites' resource factory: `<runId>.<…>` (userName), `<runId> <…>` (group displayName);
 * - the mock IdP (replay): `<…>.<runId lower-cased>@<domain>` (userName), `<…> <runId>` (group displayName).
 * Exact and case-sensitive, so a look-alike (another run id that merely starts with this one) never qualifies.
 */
export function carriesRunId(name: unknown, runId: string): name is string {
  if (typeof name !== 'string' || runId === '') return false;
  if (name.startsWith(`${runId}.`) || name.startsWith(`${runId} `)) return true;
  const at = name.lastIndexOf('@');
  if (at > 0 && name.slice(0, at).endsWith(`.${runId.toLowerCase()}`)) return true;
  return name.endsWith(` ${runId}`) && name.length > runId.length + 1;
}
