import type { Browser, BrowserContextOptions, Page } from '@alliance/testing';

export {
  chromiumPerSuite,
  describeInChromium,
  launchChromium,
  type Browser,
  type BrowserContextOptions,
  type Page,
} from '@alliance/testing';

/**
 * Opens the employer page at `url` in a fresh browser context, checks `credential` there and waits for the report.
 * `errors` collects the page's uncaught errors and console errors.
 */
export async function checkOnEmployerPage(
  browser: Browser,
  url: string,
  credential: unknown,
  options: BrowserContextOptions = {},
): Promise<{ page: Page; errors: string[]; close(): Promise<void> }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(`${url}/verify`);
  await page.fill('#credential', JSON.stringify(credential, null, 2));
  await page.click('#check');
  await page.waitForSelector('#result:not([hidden])');
  return { page, errors, close: () => context.close() };
}
