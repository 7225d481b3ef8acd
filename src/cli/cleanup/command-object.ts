import type { CommandModule, InferredOptionTypes, Options } from 'yargs';
import type { CommandContext } from '../command-context.js';
import { type GlobalArgs, TENANT_OPTIONS, type TenantArgs } from '../shared-options.js';

/** Options of `scim-harness cleanup`: which run, where its ledger is, and the tenant it ran against. */
export const CLEANUP_OPTIONS = {
  'run-id': {
    type: 'string',
    requiresArg: true,
    demandOption: true,
    describe: 'The run whose leftovers to delete',
  },
  'report-dir': {
    type: 'string',
    requiresArg: true,
    describe: "The run's report folder (holding ledger.jsonl)",
    defaultDescription: 'reports/<run-id>',
  },
} as const satisfies Record<string, Options>;

export type CleanupArgs = InferredOptionTypes<typeof CLEANUP_OPTIONS> & Partial<TenantArgs & GlobalArgs>;

/**
 * `scim-harness cleanup`: declares the command only; the work is in cleanup.ts, imported when the command runs.
 */
export function cleanupCommand(context: CommandContext): CommandModule<object, CleanupArgs> {
  return {
    command: 'cleanup',
    describe:
      'Delete what a run left on the target: its ledger, then a sweep for anything carrying its run id (only those); exit 1 if anything remains or the search could not be completed',
    builder: (yargs) =>
      yargs
        .options(CLEANUP_OPTIONS)
        .options(TENANT_OPTIONS)
        .group(Object.keys(TENANT_OPTIONS), 'Target:')
        .example(
          'SCIM_TOKEN=… $0 cleanup --run-id sh-20261129-0815-ab12cd --tenant-url https://example.com/scim/v2',
          'Delete what that run left behind',
        ),
    handler: async (args) => {
      const { cleanup } = await import('./cleanup.js');
      context.finish(await cleanup(args, context));
    },
  };
}
