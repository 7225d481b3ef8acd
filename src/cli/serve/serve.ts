import path from 'node:path';
import { nodeConfigFs, resolveConfig } from '../../config/index.js';
import { HarnessError } from '../../errors/harness-error.js';
import {
  isQuirkName,
  isServerMode,
  QUIRKS,
  type QuirkName,
  SERVER_MODES,
  type ServerMode,
  startReferenceServer,
} from '../../reference-server/index.js';
import { type CommandContext, createCommandLogger } from '../command-context.js';
import { closestNames } from '../did-you-mean.js';
import { EXIT_CODES, type ExitCode } from '../exit-codes.js';
import { toRawConfigInput } from '../shared-options.js';
import { defaultAdminTokenFile, removeAdminTokenFile, writeAdminTokenFile } from './admin-token-file.js';
import type { ServeArgs } from './command-object.js';
import { formatQuirkTable } from './quirk-table.js';

/** `--quirk a --quirk b,c` → checked names; an unknown one is a usage error naming close matches. */
export function parseQuirks(values: readonly string[] | undefined): QuirkName[] {
  const names = (values ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  const quirks = new Set<QuirkName>();
  for (const name of names) {
    if (!isQuirkName(name)) {
      const close = closestNames(
        name,
        QUIRKS.map((q) => q.name),
      );
      throw new HarnessError('CONFIG_INVALID', `unknown quirk "${name}"`, {
        hint: `${close.length > 0 ? `did you mean ${close.join(', ')}? ` : ''}"scim-harness serve --list-quirks" lists them all`,
      });
    }
    quirks.add(name);
  }
  return [...quirks];
}

/** `--mode NAME` → a checked server mode; anything else is a usage error naming the modes. */
export function parseServerMode(value: string | undefined): ServerMode {
  const mode = (value ?? 'full').trim();
  if (!isServerMode(mode)) {
    throw new HarnessError('CONFIG_INVALID', `unknown --mode "${mode}"`, {
      hint: `one of ${SERVER_MODES.join(', ')}`,
    });
  }
  return mode;
}

function waitForShutdown(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

function describeListenError(error: unknown, host: string, port: number): unknown {
  const code = error instanceof Error && 'code' in error ? String(error.code) : undefined;
  if (code === 'EADDRINUSE')
    return new HarnessError('CONFIG_INVALID', `port ${port} on ${host} is already in use`, {
      cause: error,
      hint: 'choose another --port, or --port 0 for any free one',
    });
  if (code === 'EACCES' || code === 'EADDRNOTAVAIL')
    return new HarnessError('CONFIG_INVALID', `cannot listen on ${host}:${port} (${code})`, { cause: error });
  return error;
}

/**
 * Starts the reference server, writes its admin token to a 0600 file and prints the base URL and
 * the file's path (never the token); on SIGINT/SIGTERM closes the server, removes the file and
 * returns 0.
 */
export async function serve(args: ServeArgs, context: CommandContext): Promise<ExitCode> {
  const { stdout } = context.io;
  // Resolved like every command's, so --log-level, --debug and --seed are read and checked in one place.
  const config = resolveConfig(toRawConfigInput(args), context.io.env, nodeConfigFs, { cwd: context.io.cwd });
  if (args['list-quirks']) {
    stdout.write(formatQuirkTable(QUIRKS, stdout.columns ?? 100));
    return EXIT_CODES.ok;
  }
  const quirks = parseQuirks(args.quirk);
  const mode = parseServerMode(args.mode);
  // Numbers arrive checked: the parser validated them against their bounds (numberOption in shared-options.ts).
  const { port, users, groups } = args;
  const seed = config.seed;
  const host = args.host.trim();
  if (host === '') throw new HarnessError('CONFIG_INVALID', '--host must not be empty');

  const logger = createCommandLogger(context, 'serve', config).child({ component: 'reference-server' });
  const server = await startReferenceServer({
    port,
    host,
    quirks,
    mode,
    ...(users + groups > 0 ? { seed: { users, groups, seed } } : {}),
    logger,
  }).catch((error: unknown) => {
    throw describeListenError(error, host, port);
  });
  context.secrets.register(server.adminToken);
  const tokenFile =
    args['admin-token-file'] === undefined
      ? defaultAdminTokenFile(context.io.cwd, Number(new URL(server.origin).port))
      : path.resolve(context.io.cwd, args['admin-token-file']);
  try {
    await writeAdminTokenFile(tokenFile, server.adminToken);
  } catch (error) {
    await server.close();
    throw error;
  }

  stdout.write(
    [
      'SCIM reference server listening',
      `  base URL:          ${server.baseUrl}`,
      `  admin token file:  ${tokenFile} (mode 0600, removed on exit)`,
      `  mode:              ${mode}`,
      `  quirks:            ${quirks.length > 0 ? quirks.join(', ') : 'none'}`,
      `  seeded:            ${users} users, ${groups} groups${users + groups > 0 ? ` (seed ${seed})` : ''}`,
      '',
      `Try: curl -H "Authorization: Bearer $(cat ${tokenFile})" ${server.baseUrl}/ServiceProviderConfig`,
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
  logger.info({ baseUrl: server.baseUrl, mode, quirks, users, groups }, 'reference server started');

  await waitForShutdown(context.io.shutdown);
  logger.info('stopping');
  try {
    await server.close();
  } finally {
    await removeAdminTokenFile(tokenFile);
  }
  stdout.write('Stopped.\n');
  return EXIT_CODES.ok;
}
