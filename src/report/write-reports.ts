import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { HarnessError } from '../errors/harness-error.js';
import type { ConformanceResult, ReplayResult } from '../run-contract/index.js';
import { renderHtml } from './render-html.js';
import { renderJson } from './render-json.js';
import { renderJunit } from './render-junit.js';
import { renderMarkdown } from './render-markdown.js';

/** The files a run leaves in its report directory. */
export const REPORT_FILES = {
  json: 'conformance.json',
  html: 'report.html',
  junit: 'junit.xml',
  markdown: 'summary.md',
} as const;

export interface WriteReportsOptions {
  replay?: ReplayResult;
  /** Values scrubbed from every file (the target's token, passwords the run used). */
  secrets?: readonly string[];
}

/**
 * Renders every report into `dir` (created if missing) and returns the paths written. With no conformance result
 * (a replay-only run) only report.html is written. Every file goes through the renderers' redaction pass.
 * Throws an `IO_FAILED` {@link HarnessError} when a file cannot be written.
 */
export async function writeReports(
  dir: string,
  result: ConformanceResult | null,
  options: WriteReportsOptions = {},
): Promise<string[]> {
  const secrets = options.secrets ?? [];
  const htmlOptions = { secrets, ...(options.replay ? { replay: options.replay } : {}) };
  // Render everything before writing anything, so a rendering fault leaves no half-written directory.
  const files: [string, string][] = [[REPORT_FILES.html, renderHtml(result, htmlOptions)]];
  if (result) {
    files.push(
      [REPORT_FILES.json, renderJson(result, { secrets })],
      [REPORT_FILES.junit, renderJunit(result, { secrets })],
      [REPORT_FILES.markdown, renderMarkdown(result, { secrets })],
    );
  }
  const written: string[] = [];
  try {
    await mkdir(dir, { recursive: true });
    for (const [name, content] of files) {
      const file = path.join(dir, name);
      await writeFile(file, content, 'utf8');
      written.push(file);
    }
  } catch (cause) {
    throw new HarnessError('IO_FAILED', `could not write the reports to ${dir}`, {
      cause,
      hint: 'Check that the report directory is writable.',
    });
  }
  return written;
}
