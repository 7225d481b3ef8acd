export type { CliIo, OutputStream } from './cli-io.js';
export type { CommandContext } from './command-context.js';
export { createCommandLogger } from './command-context.js';
export { closestNames } from './did-you-mean.js';
export { reportError, UsageError } from './error-report.js';
export type { ExitCode } from './exit-codes.js';
export { EXIT_CODES, exitCodeFor } from './exit-codes.js';
export { main } from './main.js';
export type { PackageInfo } from './package-info.js';
export { readPackageInfo } from './package-info.js';
export type {
  GlobalArgs,
  PacingArgs,
  ReportArgs,
  SeedArgs,
  SelectionArgs,
  SharedArgs,
  TenantArgs,
} from './shared-options.js';
export {
  GLOBAL_OPTIONS,
  PACING_OPTIONS,
  REPORT_OPTIONS,
  SEED_OPTIONS,
  SELECTION_OPTIONS,
  TENANT_OPTIONS,
  toRawConfigInput,
  withGlobalOptions,
  withPacingOptions,
  withReportOptions,
  withSeedOptions,
  withSelectionOptions,
  withTenantOptions,
} from './shared-options.js';
