import type { ScimClient } from '../../src/http/index.js';
import { groupPath, userPath } from '../../src/scim/resource-path.js';
import type { CycleEngine } from './cycle-engine.js';
import type { ReplayContext } from './replay.js';
import type { ProgressTracker } from './replay-progress.js';
import { runPool } from './run-pool.js';

/**
 * Deletes every object the engine provisioned, groups first, with the run's original token (a scenario may have
 * swapped it). `original` gives a client of that token that waits out 429s: cleanup is the harness's own work.
 * `moreUsers` are target ids of users created outside the cycles (a sustained load's joiners), deleted with them.
 */
export async function removeCreated(
  engine: CycleEngine,
  context: ReplayContext,
  concurrency: number,
  token: string,
  progress: ProgressTracker,
  original: () => ScimClient,
  moreUsers: readonly string[] = [],
): Promise<{ deleted: number; failed: number }> {
  context.setToken(token);
  const client = original();
  let deleted = 0;
  let failed = 0;
  const remove = async (path: string): Promise<void> => {
    const exchange = await client.delete(path);
    const status = exchange.response?.status;
    if (status !== undefined && (status < 300 || status === 404)) deleted++;
    else failed++;
    progress.advance();
  };
  const ids = (states: CycleEngine['users']) =>
    [...states.values()].map((state) => state.targetId).filter((id): id is string => id !== undefined);
  const groups = ids(engine.groups);
  const users = [...ids(engine.users), ...moreUsers];
  progress.stage('cleanup', groups.length + users.length);
  await runPool(groups, concurrency, (id) => remove(groupPath(id)));
  await runPool(users, concurrency, (id) => remove(userPath(id)));
  return { deleted, failed };
}
