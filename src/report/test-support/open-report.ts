import type { Page } from '@playwright/test';

/** What a report page did while it was open: the requests it made and the errors it logged. */
export interface OpenedReport {
  requests: string[];
  problems: string[];
}

/**
 * Opens a report file in `page`, cut off from everything but the file itself (every other request is aborted, and
 * still recorded), and records its requests and its script errors: a self-contained report makes none of either.
 */
export async function openReport(page: Page, url: string): Promise<OpenedReport> {
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  await page.route('**', (route) => (route.request().url() === url ? route.continue() : route.abort()));
  await page.goto(url);
  return { requests, problems };
}
