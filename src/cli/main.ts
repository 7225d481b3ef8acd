import { assertNoSecretsInArgv } from '../config/index.js';
import { SecretRegistry } from '../secrets/redaction.js';
import { cleanupCommand } from './cleanup/command-object.js';
import type { CliIo } from './cli-io.js';
import type { CommandContext } from './command-context.js';
import { reportError, UsageError } from './error-report.js';
import { EXIT_CODES, type ExitCode } from './exit-codes.js';
import { readPackageInfo } from './package-info.js';
import { replayCommand } from './replay/command-object.js';
import { REPORT_COMMAND_NAMES, reportCommand } from './report/command-object.js';
import { runCommand } from './run/command-object.js';
import { serveCommand } from './serve/command-object.js';
import { withGlobalOptions } from './shared-options.js';
import { type CommandTree, usageMessage } from './usage-message.js';
import { createParser, currentOptions } from './yargs-factory.js';

const EPILOGUE = `Tokens are never taken from the command line: put the target's bearer token in SCIM_TOKEN, or name another variable with --token-env, or a file with --token-file.

Exit codes: 0 ok, 1 checks failed (or internal error), 2 usage or configuration error, 3 target unreachable or credentials rejected, 130 interrupted.`;

/**
 * The whole CLI as a function: parses `argv`, runs the command and returns its exit code. It never
 * exits the process or reads process globals, so tests call it in-process with their own `io`;
 * `bin.ts` is the only place that touches `process.exitCode`.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const secrets = new SecretRegistry();
  const debug = argv.includes('--debug');
  try {
    assertNoSecretsInArgv(argv);
    let exitCode: ExitCode = EXIT_CODES.ok;
    const context: CommandContext = {
      io,
      secrets,
      finish: (code) => {
        exitCode = code;
      },
    };
    const run = runCommand(context);
    const cleanup = cleanupCommand(context);
    const report = reportCommand(context);
    const serve = serveCommand(context);
    const replay = replayCommand(context);
    const tree: CommandTree = {
      top: [run, cleanup, report, serve, replay].map(
        (command) => String(command.command).split(' ')[0] ?? '',
      ),
      sub: { report: REPORT_COMMAND_NAMES },
    };
    const parser = withGlobalOptions(createParser(argv))
      .scriptName('scim-harness')
      .usage(
        '$0 <command> [options]\n\nSCIM 2.0 conformance suites, a mock Microsoft Entra client and a reference SCIM server.',
      )
      .command(run)
      .command(cleanup)
      .command(report)
      .command(serve)
      .command(replay)
      .demandCommand(1, 'a command is required')
      .recommendCommands()
      .strict()
      .version(readPackageInfo().version)
      .help()
      .alias('h', 'help')
      .epilogue(EPILOGUE)
      .wrap(Math.min(120, io.stdout.columns ?? 100))
      .fail((message, error) => {
        // Parser complaints arrive as a message; errors thrown by a command arrive as `error`. The parser is reset to
        // the command it failed in, so its options are that command's: the ones to suggest from.
        if (!message) throw error;
        throw new UsageError(usageMessage(message, argv, currentOptions(parser), tree));
      });
    let output = '';
    await parser.parseAsync([...argv], {}, (_error, _args, text) => {
      output = text;
    });
    if (output !== '') io.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
    return exitCode;
  } catch (error) {
    return reportError(error, io.stderr, { debug, secrets });
  }
}
