/**
 * What the target claims (RFC 7643 §5 ServiceProviderConfig, §6 ResourceTypes) and what the harness found by probing
 * where it claims nothing. Read once per run by the suites' global setup, written to the run directory, and read by
 * every worker. Optional features the target does not claim are skipped, never failed (RFC 7644 §4).
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-5
 */

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { HarnessError } from '../../src/errors/harness-error.js';
import { isJsonObject } from '../../src/json/json-guards.js';
import { CAPABILITIES, type Capability } from '../../src/run-contract/index.js';
import { SCHEMA_URNS } from '../../src/scim/urns.js';

export interface DiscoveredResourceType {
  name: string;
  endpoint: string;
  schema: string;
  extensions: string[];
}

export interface TargetCapabilities {
  /** Whether each discovery endpoint answered 200 with JSON. */
  discovery: { serviceProviderConfig: boolean; resourceTypes: boolean; schemas: boolean };
  /** Human sentences about what was found missing or assumed (reported with the discovery checks). */
  findings: string[];
  claims: Record<Capability, boolean>;
  /** Why each claim is what it is ("ServiceProviderConfig patch.supported=true", "probed GET /Me → 501"). */
  reasons: Record<Capability, string>;
  resourceTypes: DiscoveredResourceType[];
  bulk: { maxOperations: number | undefined; maxPayloadSize: number | undefined };
  filterMaxResults: number | undefined;
  /** The ServiceProviderConfig as received (already redacted by the client), for checks that inspect it. */
  serviceProviderConfig: unknown;
  /**
   * The attribute paths /Schemas declares for each resource type, lower case: `nickname`, `name.givenname`,
   * `urn:…:enterprise:2.0:user:department`, `urn:…:enterprise:2.0:user:manager.value`. Absent (for a type, or
   * entirely) when /Schemas could not be read: then every RFC attribute is assumed declared.
   */
  declared?: Partial<Record<'User' | 'Group', string[]>>;
  /** The `mutability` /Schemas gives each declared path (lower case), where it gives one. */
  mutability?: Partial<Record<'User' | 'Group', Record<string, string>>>;
}

/**
 * The mutability the target's /Schemas declares for a path: its own word, else RFC 7643 §2.2's default `readWrite`;
 * `undefined` when the path is not declared or /Schemas could not be read.
 */
export function declaredMutability(
  capabilities: Pick<TargetCapabilities, 'declared' | 'mutability'>,
  resourceType: 'User' | 'Group',
  path: string,
): string | undefined {
  const wanted = path.toLowerCase();
  if (!capabilities.declared?.[resourceType]?.includes(wanted)) return undefined;
  return capabilities.mutability?.[resourceType]?.[wanted] ?? 'readWrite';
}

/**
 * Whether the target declares an attribute path for a resource type (see {@link TargetCapabilities.declared}); true
 * when its /Schemas could not be read, so a target without discovery is still tested.
 */
export function declaresAttribute(
  capabilities: Pick<TargetCapabilities, 'declared'>,
  resourceType: 'User' | 'Group',
  path: string,
): boolean {
  const declared = capabilities.declared?.[resourceType];
  if (declared === undefined) return true;
  const wanted = path.toLowerCase();
  // `name` is declared when any of its sub-attributes is; a complex attribute with no sub-attributes listed counts too.
  return declared.includes(wanted);
}

/** The attribute paths one schema declares (see {@link TargetCapabilities.declared}). */
function schemaPaths(
  schema: Record<string, unknown>,
  qualify: string | undefined,
  mutability: Record<string, string> = {},
): string[] {
  const paths: string[] = [];
  const attributes = Array.isArray(schema.attributes) ? schema.attributes : [];
  for (const item of attributes) {
    const attribute = lowerKeys(item);
    if (typeof attribute.name !== 'string') continue;
    const top = `${qualify ? `${qualify}:` : ''}${attribute.name}`.toLowerCase();
    paths.push(top);
    if (typeof attribute.mutability === 'string') mutability[top] = attribute.mutability;
    const subs = Array.isArray(attribute.subattributes) ? attribute.subattributes : [];
    for (const sub of subs) {
      const name = lowerKeys(sub).name;
      if (typeof name === 'string') paths.push(`${top}.${name.toLowerCase()}`);
    }
  }
  return paths;
}

/** The attribute paths /Schemas declares for User and Group, through /ResourceTypes when it was read. */
export function declaredAttributes(
  schemasJson: unknown,
  resourceTypes: readonly DiscoveredResourceType[],
  mutabilityOut: NonNullable<TargetCapabilities['mutability']> = {},
): TargetCapabilities['declared'] {
  const schemas = new Map<string, Record<string, unknown>>();
  for (const item of listOf(schemasJson)) {
    const schema = lowerKeys(item);
    if (typeof schema.id === 'string') schemas.set(schema.id.toLowerCase(), schema);
  }
  if (schemas.size === 0) return undefined;
  const declared: NonNullable<TargetCapabilities['declared']> = {};
  for (const [name, coreUrn] of [
    ['User', SCHEMA_URNS.User],
    ['Group', SCHEMA_URNS.Group],
  ] as const) {
    const type = resourceTypes.find((rt) => rt.name.toLowerCase() === name.toLowerCase());
    const core = schemas.get((type?.schema || coreUrn).toLowerCase());
    if (core === undefined) continue;
    const mutability: Record<string, string> = {};
    mutabilityOut[name] = mutability;
    const paths = ['id', 'externalid', 'meta', ...schemaPaths(core, undefined, mutability)];
    for (const extension of type?.extensions ?? []) {
      const schema = schemas.get(extension.toLowerCase());
      if (schema) paths.push(extension.toLowerCase(), ...schemaPaths(schema, extension, mutability));
    }
    declared[name] = paths;
  }
  return declared;
}

export interface DiscoveryAnswers {
  serviceProviderConfig: { status: number; json: unknown } | undefined;
  resourceTypes: { status: number; json: unknown } | undefined;
  schemas: { status: number; json: unknown } | undefined;
  /** Probes used where discovery is silent. `undefined` means not probed. */
  probes: { me?: number; groups?: number; filter?: number };
  adminApi: boolean;
}

function lowerKeys(value: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (isJsonObject(value)) for (const [key, v] of Object.entries(value)) out[key.toLowerCase()] = v;
  return out;
}

function supported(spc: Record<string, unknown>, feature: string): boolean | undefined {
  const entry = lowerKeys(spc[feature.toLowerCase()]);
  return typeof entry.supported === 'boolean' ? entry.supported : undefined;
}

function listOf(json: unknown): unknown[] {
  if (Array.isArray(json)) return json;
  const body = lowerKeys(json);
  return Array.isArray(body.resources) ? body.resources : [];
}

function parseResourceTypes(json: unknown): DiscoveredResourceType[] {
  const out: DiscoveredResourceType[] = [];
  for (const item of listOf(json)) {
    const rt = lowerKeys(item);
    if (typeof rt.name !== 'string' || typeof rt.endpoint !== 'string') continue;
    const extensions = Array.isArray(rt.schemaextensions)
      ? rt.schemaextensions.map((e) => lowerKeys(e).schema).filter((s): s is string => typeof s === 'string')
      : [];
    out.push({
      name: rt.name,
      endpoint: rt.endpoint,
      schema: typeof rt.schema === 'string' ? rt.schema : '',
      extensions,
    });
  }
  return out;
}

const ok = (answer: { status: number } | undefined) => answer !== undefined && answer.status === 200;

/** Pure: turns what the target answered into capabilities, with a reason for each claim. */
export function deriveCapabilities(answers: DiscoveryAnswers): TargetCapabilities {
  const findings: string[] = [];
  const discovery = {
    serviceProviderConfig:
      ok(answers.serviceProviderConfig) && isJsonObject(answers.serviceProviderConfig?.json),
    resourceTypes: ok(answers.resourceTypes),
    schemas: ok(answers.schemas),
  };
  const spc = discovery.serviceProviderConfig ? lowerKeys(answers.serviceProviderConfig?.json) : {};
  const resourceTypes = discovery.resourceTypes ? parseResourceTypes(answers.resourceTypes?.json) : [];
  const claims = Object.fromEntries(CAPABILITIES.map((c) => [c, false])) as Record<Capability, boolean>;
  const reasons = Object.fromEntries(CAPABILITIES.map((c) => [c, 'not claimed'])) as Record<
    Capability,
    string
  >;

  const fromSpc = (capability: Capability, feature: string, assumeWithoutSpc: boolean) => {
    if (!discovery.serviceProviderConfig) {
      claims[capability] = assumeWithoutSpc;
      reasons[capability] =
        `no ServiceProviderConfig; ${assumeWithoutSpc ? 'assumed supported' : 'assumed unsupported'}`;
      return;
    }
    const value = supported(spc, feature);
    claims[capability] = value === true;
    reasons[capability] =
      value === undefined
        ? `ServiceProviderConfig has no ${feature}.supported`
        : `ServiceProviderConfig ${feature}.supported=${value}`;
  };
  // Without a ServiceProviderConfig, PATCH is assumed (every IdP relies on it, so its checks are informative);
  // bulk, sort, etag and changePassword are not, since testing an unclaimed optional feature would be a false verdict.
  fromSpc('patch', 'patch', true);
  fromSpc('bulk', 'bulk', false);
  fromSpc('sort', 'sort', false);
  fromSpc('etag', 'etag', false);
  fromSpc('changePassword', 'changePassword', false);
  fromSpc('filter', 'filter', answers.probes.filter === 200);
  if (!discovery.serviceProviderConfig && answers.probes.filter !== undefined) {
    reasons.filter = `no ServiceProviderConfig; probed a userName filter → ${answers.probes.filter}`;
  }

  const bulk = lowerKeys(spc.bulk);
  const filter = lowerKeys(spc.filter);
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

  const group = resourceTypes.find((rt) => rt.name.toLowerCase() === 'group');
  if (discovery.resourceTypes) {
    claims.groups = group !== undefined;
    reasons.groups = group ? `ResourceType Group at ${group.endpoint}` : 'no Group in /ResourceTypes';
  } else {
    claims.groups = answers.probes.groups === 200;
    reasons.groups = `no /ResourceTypes; probed GET /Groups → ${answers.probes.groups ?? 'not probed'}`;
  }
  const user = resourceTypes.find((rt) => rt.name.toLowerCase() === 'user');
  claims.enterpriseUser = user?.extensions.includes(SCHEMA_URNS.EnterpriseUser) ?? false;
  reasons.enterpriseUser = claims.enterpriseUser
    ? 'ResourceType User lists the enterprise extension'
    : 'ResourceType User does not list the enterprise extension';
  claims.me = answers.probes.me === 200;
  reasons.me = `probed GET /Me → ${answers.probes.me ?? 'not probed'}`;
  claims.discovery = discovery.serviceProviderConfig && discovery.resourceTypes && discovery.schemas;
  reasons.discovery = `ServiceProviderConfig ${discovery.serviceProviderConfig ? 'ok' : 'missing'}, ResourceTypes ${
    discovery.resourceTypes ? 'ok' : 'missing'
  }, Schemas ${discovery.schemas ? 'ok' : 'missing'}`;
  // RFC 9865 §4: a provider implementing cursor pagination says so in `pagination.cursor`; without the block, cursors
  // are not claimed (a provider serving them anyway is a finding of pagination.cursor.claimed-when-served).
  const pagination = lowerKeys(spc.pagination);
  claims.cursor = pagination.cursor === true;
  reasons.cursor = !discovery.serviceProviderConfig
    ? 'no ServiceProviderConfig; assumed unsupported'
    : spc.pagination === undefined
      ? 'ServiceProviderConfig has no pagination (RFC 9865 §4)'
      : `ServiceProviderConfig pagination.cursor=${JSON.stringify(pagination.cursor ?? null)}`;
  // draft-zollner-scim-interop-profile-01 §4: a provider claiming the profile says `interopProfileConformant: true`;
  // anything else (absent, false, not a Boolean) is no claim, and the profile's strict checks are skipped.
  claims.interopProfileConformant = spc.interopprofileconformant === true;
  reasons.interopProfileConformant = !discovery.serviceProviderConfig
    ? 'no ServiceProviderConfig; assumed not claimed'
    : `ServiceProviderConfig interopProfileConformant=${JSON.stringify(spc.interopprofileconformant ?? null)} (draft-zollner-scim-interop-profile-01 §4)`;
  // RFC 9967 §4: `securityEvents` absent means no Security Events; `asyncRequest` (case-insensitive) "request" lets the
  // client ask for asynchronous processing, "long" leaves it to the provider, "none" offers none.
  const asyncRequest = lowerKeys(spc.securityevents).asyncrequest;
  claims.asyncRequest = typeof asyncRequest === 'string' && asyncRequest.toLowerCase() === 'request';
  reasons.asyncRequest = !discovery.serviceProviderConfig
    ? 'no ServiceProviderConfig; assumed unsupported'
    : spc.securityevents === undefined
      ? 'ServiceProviderConfig has no securityEvents (RFC 9967 §4)'
      : `ServiceProviderConfig securityEvents.asyncRequest=${JSON.stringify(asyncRequest ?? null)} (RFC 9967 §4: only "request" lets a client ask for it)`;
  claims.adminApi = answers.adminApi;
  reasons.adminApi = answers.adminApi ? 'embedded reference server' : 'not the embedded reference server';

  if (!discovery.serviceProviderConfig) {
    findings.push(
      'GET /ServiceProviderConfig did not answer 200 with JSON: optional features could not be read',
    );
  }
  if (!discovery.resourceTypes) findings.push('GET /ResourceTypes did not answer 200');
  if (!discovery.schemas) findings.push('GET /Schemas did not answer 200');

  return {
    discovery,
    findings,
    claims,
    reasons,
    resourceTypes,
    bulk: { maxOperations: num(bulk.maxoperations), maxPayloadSize: num(bulk.maxpayloadsize) },
    filterMaxResults: num(filter.maxresults),
    serviceProviderConfig: discovery.serviceProviderConfig ? answers.serviceProviderConfig?.json : undefined,
    ...(discovery.schemas ? declaredWithMutability(answers.schemas?.json, resourceTypes) : {}),
  };
}

function declaredWithMutability(
  schemasJson: unknown,
  resourceTypes: readonly DiscoveredResourceType[],
): Pick<TargetCapabilities, 'declared' | 'mutability'> {
  const mutability: NonNullable<TargetCapabilities['mutability']> = {};
  const declared = declaredAttributes(schemasJson, resourceTypes, mutability);
  return declared === undefined ? {} : { declared, mutability };
}

export const CAPABILITIES_FILE = 'capabilities.json';

export function writeCapabilities(runDir: string, capabilities: TargetCapabilities): void {
  writeFileSync(path.join(runDir, CAPABILITIES_FILE), `${JSON.stringify(capabilities, null, 2)}\n`);
}

export function readCapabilities(runDir: string): TargetCapabilities {
  const file = path.join(runDir, CAPABILITIES_FILE);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as TargetCapabilities;
  } catch (cause) {
    throw new HarnessError(
      'IO_FAILED',
      `Could not read ${file}: the suites' global setup did not read the target's capabilities`,
      {
        cause,
        hint: 'Run the suites with their configuration (suites/playwright.config.ts), whose global setup writes it',
      },
    );
  }
}
