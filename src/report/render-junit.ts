import type { CheckResult, ConformanceResult, EvidenceExchange } from '../run-contract/index.js';
import { redact } from '../secrets/redaction.js';
import { exchangeLine } from './evidence-line.js';
import { INTERRUPTED_NOTICE } from './interrupted-run.js';
import type { RenderOptions } from './render-json.js';
import { describeLeftover, runSafetyFinding } from './safety-findings.js';
import { escapeXml, escapeXmlContent } from './xml-text.js';

function seconds(ms: number | undefined): string {
  return ((ms ?? 0) / 1000).toFixed(3);
}

/** An evidence line, with its phase and whether it decided the outcome when the recorder said. */
function evidenceLine(exchange: EvidenceExchange): string {
  const marks = [exchange.phase, exchange.decisive ? 'decisive' : undefined].filter(Boolean);
  return `  ${marks.length > 0 ? `[${marks.join(', ')}] ` : ''}${exchangeLine(exchange)}`;
}

/**
 * The body of a failure or error element: everything a CI log reader needs without opening report.html. The
 * message is there in full, every line of it.
 */
function details(check: CheckResult): string {
  const lines = [`${check.level} ${check.rfc}`];
  if (check.requirement) lines.push(`Requirement: "${check.requirement}"`);
  if (check.message) lines.push(`Message: ${check.message}`);
  if (check.fix) lines.push(`Fix: ${check.fix}`);
  if (check.evidence.length > 0) lines.push('Evidence:', ...check.evidence.map(evidenceLine));
  return lines.join('\n');
}

function outcome(check: CheckResult): string {
  switch (check.status) {
    case 'passed':
      return '';
    case 'failed':
      return `      <failure message="${escapeXml(check.message || check.title)}" type="${check.level}">${escapeXmlContent(details(check))}</failure>\n`;
    case 'skipped':
      return `      <skipped message="${escapeXml(check.skipReason ?? check.message)}"/>\n`;
    case 'error':
      // `error` in JUnit means the test could not run: the same meaning as here, never a verdict on the target.
      return `      <error message="${escapeXml(check.message || 'the check could not be evaluated')}" type="harness">${escapeXmlContent(details(check))}</error>\n`;
    case 'unsupported':
      // JUnit has no "declined": a skip whose message says so, so a CI tab neither reds nor greens it.
      return `      <skipped message="${escapeXml(`unsupported: ${check.message || 'the target declined the feature'}`)}"/>\n`;
    default: {
      const unreachable: never = check.status;
      throw new TypeError(`unknown status ${String(unreachable)}`);
    }
  }
}

function testcase(check: CheckResult): string {
  const open = `    <testcase classname="${escapeXml(`scim.${check.category}`)}" name="${escapeXml(`${check.id} ${check.title}`)}" time="${seconds(check.durationMs)}"`;
  const body = outcome(check);
  return body ? `${open}>\n${body}    </testcase>\n` : `${open}/>\n`;
}

function counts(checks: readonly CheckResult[]) {
  return {
    tests: checks.length,
    failures: checks.filter((c) => c.status === 'failed').length,
    errors: checks.filter((c) => c.status === 'error').length,
    // An unsupported check is written as <skipped/>, so it counts here.
    skipped: checks.filter((c) => c.status === 'skipped' || c.status === 'unsupported').length,
    time: seconds(checks.reduce((sum, c) => sum + (c.durationMs ?? 0), 0)),
  };
}

/** A failing test case of the `safety` suite: the run itself, not a check, is what failed. */
interface SafetyCase {
  name: string;
  /** The `type` of its `<failure>`. */
  type: string;
  message: string;
  details: string;
}

/**
 * What a CI gate on junit.xml must not read as green although no check failed: an interrupted run
 * (`run.interrupted`, the report covers only part of the checks) and what the sweep found still carrying the run id
 * (`sweep.leftovers`, each resource listed). Empty for a complete run that left nothing behind.
 */
function safetyCases(result: ConformanceResult): SafetyCase[] {
  const cases: SafetyCase[] = [];
  if (result.interrupted === true) {
    cases.push({
      name: 'run.interrupted',
      type: 'interrupted',
      message: INTERRUPTED_NOTICE,
      details: INTERRUPTED_NOTICE,
    });
  }
  const finding = runSafetyFinding(result);
  if (finding !== null) {
    cases.push({
      name: 'sweep.leftovers',
      type: 'safety',
      message: finding.heading,
      details: [
        finding.notice,
        ...finding.leftovers.map((l) => `  ${describeLeftover(l)}`),
        ...finding.incomplete.map((line) => `  search incomplete: ${line}`),
      ].join('\n'),
    });
  }
  return cases;
}

function safetyTestcase(safety: SafetyCase): string {
  return `    <testcase classname="safety" name="${escapeXml(safety.name)}" time="0.000">\n      <failure message="${escapeXml(safety.message)}" type="${escapeXml(safety.type)}">${escapeXmlContent(safety.details)}</failure>\n    </testcase>\n`;
}

/**
 * `junit.xml`: one `<testsuite>` per category (a check belongs to one category but to several profiles, so
 * suites by profile would count it twice), one `<testcase>` per check, `failure` / `skipped` / `error` as the
 * check ended; an `unsupported` check is a `<skipped message="unsupported: …reason"/>`. Target, run id and profile verdicts ride along as properties of every suite.
 * An interrupted run, or one whose sweep found resources still carrying the run id, gets a first suite `safety` with a
 * failing test case for each (`run.interrupted`, `sweep.leftovers`), so a CI gate that counts failures cannot pass a
 * partial or unsafe run; an interrupted run also carries the property `interrupted=true` on every suite.
 * @see https://github.com/testmoapp/junitxml (the de facto format)
 */
export function renderJunit(result: ConformanceResult, options: RenderOptions = {}): string {
  const clean = redact(result, options);
  const categories = [...new Set(clean.checks.map((c) => c.category))].sort();
  const all = counts(clean.checks);
  const safety = safetyCases(clean);
  const properties = [
    ['target', clean.target.url],
    ['runId', clean.runId],
    ['failOn', clean.failOn ?? 'must'],
    ...(clean.interrupted === true ? [['interrupted', 'true']] : []),
    ...clean.profiles.map((p) => [`verdict.${p}`, clean.summary.verdicts[p] ?? 'fail']),
  ]
    .map(
      ([name, value]) =>
        `      <property name="${escapeXml(name ?? '')}" value="${escapeXml(value ?? '')}"/>\n`,
    )
    .join('');
  let xml = '<?xml version="1.0" encoding="UTF-8"?>\n';
  xml += `<testsuites name="${escapeXml(`SCIM conformance of ${clean.target.url}`)}" tests="${all.tests + safety.length}" failures="${all.failures + safety.length}" errors="${all.errors}" skipped="${all.skipped}" time="${all.time}" timestamp="${escapeXml(clean.startedAt)}">\n`;
  if (safety.length > 0) {
    xml += `  <testsuite name="safety" tests="${safety.length}" failures="${safety.length}" errors="0" skipped="0" time="0.000" timestamp="${escapeXml(clean.startedAt)}">\n`;
    xml += `    <properties>\n${properties}    </properties>\n`;
    for (const safetyCase of safety) xml += safetyTestcase(safetyCase);
    xml += '  </testsuite>\n';
  }
  for (const category of categories) {
    const checks = clean.checks.filter((c) => c.category === category);
    const c = counts(checks);
    xml += `  <testsuite name="${escapeXml(category)}" tests="${c.tests}" failures="${c.failures}" errors="${c.errors}" skipped="${c.skipped}" time="${c.time}" timestamp="${escapeXml(clean.startedAt)}">\n`;
    xml += `    <properties>\n${properties}    </properties>\n`;
    for (const check of checks) xml += testcase(check);
    xml += '  </testsuite>\n';
  }
  xml += '</testsuites>\n';
  return xml;
}
