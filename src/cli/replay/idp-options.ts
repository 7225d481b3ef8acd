import { HarnessError } from '../../errors/harness-error.js';

/** What {@link checkIdpOptions} reads of the parsed options. */
export interface IdpArgs {
  idp?: string | undefined;
  'okta-app'?: string | undefined;
  mode?: string | undefined;
  sustain?: unknown;
}

/**
 * Refuses options that belong to the other IdP's client (exit 2), so that `--okta-app aiw` without `--idp okta`, say,
 * is not silently an Entra replay: `--okta-app` is Okta's, `--mode` is Entra's dialect, and the sustained load replays
 * Entra's request mix.
 */
export function checkIdpOptions(args: IdpArgs): void {
  const okta = args.idp === 'okta';
  const usage = (message: string, hint: string): HarnessError =>
    new HarnessError('CONFIG_INVALID', message, { hint });
  if (!okta && args['okta-app'] !== undefined)
    throw usage('--okta-app belongs to --idp okta', 'add --idp okta, or leave out --okta-app');
  if (okta && args.mode !== undefined)
    throw usage(
      '--mode is the Entra client dialect; it does not apply to --idp okta',
      'use --okta-app oin|aiw',
    );
  if (okta && args.sustain !== undefined)
    throw usage(
      "--sustain replays Entra's request mix; it does not run with --idp okta",
      'leave out --idp okta',
    );
}
