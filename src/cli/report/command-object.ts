import type { Argv, CommandModule, InferredOptionTypes, Options } from 'yargs';
import type { CommandContext } from '../command-context.js';
import type { GlobalArgs } from '../shared-options.js';

/** Options of `scim-harness report merge`. */
export const MERGE_OPTIONS = {
  out: {
    type: 'string',
    requiresArg: true,
    describe: 'Folder for the merged reports',
    defaultDescription: 'reports/<run-id>/merged',
  },
} as const satisfies Record<string, Options>;

export type MergeArgs = InferredOptionTypes<typeof MERGE_OPTIONS> & { dirs: string[] } & Partial<GlobalArgs>;

function mergeCommand(context: CommandContext): CommandModule<object, MergeArgs> {
  return {
    command: 'merge <dirs..>',
    describe: 'Merge the reports of a sharded run (--shard i/n) into one',
    builder: (yargs) =>
      yargs
        .positional('dirs', {
          type: 'string',
          array: true,
          demandOption: true,
          describe: 'Report folders of the shards',
        })
        .options(MERGE_OPTIONS)
        .example(
          '$0 report merge reports/shard-1 reports/shard-2 --out reports/all',
          'One report for two shards',
        ) as Argv<MergeArgs>,
    handler: async (args) => {
      const { mergeReports } = await import('./merge.js');
      context.finish(await mergeReports(args, context));
    },
  };
}

/** The subcommands of `report`, for the parser's messages (an unknown one is named with these). */
export const REPORT_COMMAND_NAMES = ['merge'] as const;

/** `scim-harness report <command>`: work on written reports. Declares the commands only; the work is imported lazily. */
export function reportCommand(context: CommandContext): CommandModule {
  return {
    // No `<command>` positional: yargs would demand it with a generic message before `demandCommand` could name it.
    command: 'report',
    describe: 'Work with written reports (merge the shards of a run)',
    builder: (yargs) => yargs.command(mergeCommand(context)).demandCommand(1, 'a report command is required'),
    handler: () => {},
  };
}
