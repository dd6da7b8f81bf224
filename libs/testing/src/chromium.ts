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
 * `describe` where headless Chromium (Debian's package) and the modules of `packages` are installed; else
 * `describe.skip`, after saying what is missing and that `tests` are skipped. `packages` maps each module to resolve
 * to the package it is in.
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

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown; failureSummary?: string }[];
}

/**
 * The serious and critical accessibility violations axe-core finds on the page as it stands (the page's context
 * must allow the injected script, e.g. `bypassCSP: true`). Printed when there are any, so a failure says what to fix.
 */
export async function seriousAxeViolations(page: Page, where: string): Promise<AxeFinding[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => {
    type Result = {
      violations: { id: string; impact: string | null; help: string; nodes: { target: unknown; failureSummary?: string }[] }[];
    };
    const axe = (globalThis as unknown as { axe: { run(): Promise<Result> } }).axe;
    const result = await axe.run();
    return result.violations.map((x) => ({
      id: x.id,
      impact: x.impact,
      help: x.help,
      nodes: x.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
  const serious = violations.filter((x) => x.impact === 'serious' || x.impact === 'critical');
  if (serious.length) console.log(`axe-core on ${where}:\n${JSON.stringify(serious, null, 2)}`);
  return serious;
}
