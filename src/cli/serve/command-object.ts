import type { CommandModule, InferredOptionTypes, Options } from 'yargs';
import { COMMAND_NUMERIC_OPTIONS } from '../../config/index.js';
import type { CommandContext } from '../command-context.js';
import { type GlobalArgs, numberOption } from '../shared-options.js';

/** Options of `scim-harness serve`; numbers are checked while parsing (`numberOption`). */
export const SERVE_OPTIONS = {
  port: numberOption(COMMAND_NUMERIC_OPTIONS.port, 'Port to listen on, 0 for any free port'),
  host: { type: 'string', requiresArg: true, describe: 'Interface to listen on', default: '127.0.0.1' },
  quirk: {
    type: 'string',
    array: true,
    requiresArg: true,
    describe: 'Switch on a named non-conformance; repeat or comma-separate (see --list-quirks)',
  },
  mode: {
    type: 'string',
    requiresArg: true,
    describe:
      'How much of SCIM to offer: full (every optional feature) or minimal (a small but correct provider: eq/and filters, a short User schema, no bulk, sort, etag, changePassword or /Me)',
    default: 'full',
  },
  'list-quirks': { type: 'boolean', describe: 'Print the quirks and exit', default: false },
  users: numberOption(COMMAND_NUMERIC_OPTIONS.serveUsers, 'Seed this many generated users'),
  groups: numberOption(COMMAND_NUMERIC_OPTIONS.serveGroups, 'Seed this many generated groups'),
  seed: numberOption(COMMAND_NUMERIC_OPTIONS.serveSeed, 'Seed for the generated users and groups'),
  'admin-token-file': {
    type: 'string',
    requiresArg: true,
    describe: 'Where to write the admin token (mode 0600; removed on exit)',
    defaultDescription: '.scim-harness/serve-<port>.token',
  },
} as const satisfies Record<string, Options>;

export type ServeArgs = InferredOptionTypes<typeof SERVE_OPTIONS> & Partial<GlobalArgs>;

/**
 * `scim-harness serve`: declares the command only; the work is in serve.ts, imported when the
 * command runs so that `--help` and other commands do not load the reference server.
 */
export function serveCommand(context: CommandContext): CommandModule<object, ServeArgs> {
  return {
    command: 'serve',
    describe: 'Run the embedded reference SCIM service provider until Ctrl-C',
    builder: (yargs) =>
      yargs
        .options(SERVE_OPTIONS)
        .example('$0 serve --port 8080', 'Serve on http://127.0.0.1:8080')
        .example(
          '$0 serve --quirk create-returns-200 --users 50 --seed 7',
          'A misbehaving server with 50 users',
        )
        .example(
          '$0 serve --mode minimal',
          'A small but correct provider, to see which checks say "unsupported"',
        )
        .example('$0 serve --list-quirks', 'What can be switched on'),
    handler: async (args) => {
      const { serve } = await import('./serve.js');
      context.finish(await serve(args, context));
    },
  };
}
