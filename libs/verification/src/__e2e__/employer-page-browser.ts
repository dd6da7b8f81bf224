import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';

type Playwright = typeof import('playwright-core');
export type Browser = Awaited<ReturnType<Playwright['chromium']['launch']>>;
export type BrowserContextOptions = Parameters<Browser['newContext']>[0];
export type Page = Awaited<ReturnType<Browser['newPage']>>;

function installed(name: string): boolean {
  try {
    require.resolve(name);
    return true;
  } catch {
    return false;
  }
}

/**
 * `describe` where headless Chromium and the modules of `packages` are installed; else `describe.skip`, after saying
 * what is missing and that `tests` are skipped. `packages` names each module to resolve by the package it is in.
 */
export function describeInChromium(tests: string, packages: Record<string, string>): typeof describe {
  const missing = !existsSync(CHROMIUM)
    ? `${CHROMIUM} is missing (apt-get install -y chromium)`
    : Object.entries(packages)
        .filter(([module]) => !installed(module))
        .map(([, name]) => `${name} is not installed`)[0];
  if (missing) console.log(`Skipping ${tests}: ${missing}`);
  return missing ? describe.skip : describe;
}

export async function launchChromium(): Promise<Browser> {
  const playwright: Playwright = await import('playwright-core');
  return playwright.chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}

/** Headless Chromium for the suite's tests, closed after them. */
export function chromiumPerSuite(): { browser: Browser } {
  const chromium = {} as { browser: Browser };
  beforeAll(async () => {
    chromium.browser = await launchChromium();
  }, 60_000);
  afterAll(() => chromium.browser?.close());
  return chromium;
}

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
