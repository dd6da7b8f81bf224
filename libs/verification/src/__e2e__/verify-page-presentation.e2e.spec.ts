import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type JsonObject, signCredential } from '@alliance/credentials';
import { allianceFixture } from '../application/__fixtures__/alliance-credential.fixture';
import { registration } from './catalogue-messages';
import { startStatusServer, startVerification, type VerificationApp } from './verification-app';

const CHROMIUM = '/usr/bin/chromium';

type Playwright = typeof import('playwright-core');
type Browser = Awaited<ReturnType<Playwright['chromium']['launch']>>;
type BrowserContextOptions = Parameters<Browser['newContext']>[0];
type Page = Awaited<ReturnType<Browser['newPage']>>;

function resolvable(name: string): boolean {
  try {
    require.resolve(name);
    return true;
  } catch {
    return false;
  }
}

const missing = !existsSync(CHROMIUM)
  ? `${CHROMIUM} is missing (apt-get install -y chromium)`
  : !resolvable('playwright-core')
    ? 'playwright-core is not installed'
    : !resolvable('axe-core/axe.min.js')
      ? 'axe-core is not installed'
      : undefined;
if (missing) console.log(`Skipping the /verify presentation browser tests: ${missing}`);
const describeInBrowser = missing ? describe.skip : describe;

interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

const VERDICTS = {
  valid: 'This credential is valid.',
  invalid: 'This credential is NOT valid.',
  indeterminate: 'This credential could not be fully checked.',
  'unverified-issuer': 'Signatures intact, issuer not in the alliance registry.',
} as const;
type Verdict = keyof typeof VERDICTS;

describeInBrowser('the employer page: dates, grade, layout, accessibility and verdict colours in headless Chromium', () => {
  let v: VerificationApp;
  let status: Awaited<ReturnType<typeof startStatusServer>>;
  let f: Awaited<ReturnType<typeof allianceFixture>>;
  let browser: Browser;
  let graded: JsonObject;
  let shots: string;

  beforeAll(async () => {
    shots = mkdtempSync(join(tmpdir(), 'verify-page-shots-'));
    status = await startStatusServer();
    v = await startVerification({
      VERIFICATION_ISSUANCE_PUBLIC_URL: 'https://issuance.alliance.example',
      VERIFICATION_ISSUANCE_INTERNAL_URL: status.url,
      VERIFICATION_CATALOGUE_PUBLIC_URL: 'https://credentials.alliance.example',
      VERIFICATION_STATUS_LIST_CACHE_MAX_ENTRIES: '0',
    });
    f = await allianceFixture({ suffix: '-look' });
    status.serve('/status-lists/list-1', await f.statusList(0));
    await v.bus.publish([...registration(f.A), ...registration(f.B)]);
    graded = await withGradingScale(f);
    const playwright: Playwright = await import('playwright-core');
    browser = await playwright.chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await v?.close();
    await status?.close();
    if (shots) rmSync(shots, { recursive: true, force: true });
  });

  async function check(
    credential: unknown,
    options: BrowserContextOptions = {},
  ): Promise<{ page: Page; errors: string[]; close(): Promise<void> }> {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${v.url}/verify`);
    await page.fill('#credential', JSON.stringify(credential, null, 2));
    await page.click('#check');
    await page.waitForSelector('#result:not([hidden])');
    return { page, errors, close: () => context.close() };
  }

  async function impersonation(): Promise<JsonObject> {
    const { credential } = await f.outsider((id) => ({
      id,
      name: 'Aalborg Technical University',
      address: { type: ['Address'], addressCountryCode: 'DK' },
    }));
    return credential;
  }

  /** Tampered after signing, with a learner name and a title no line can break at a space. */
  function tamperedWithLongWords(): JsonObject {
    const doc = structuredClone(f.credential);
    const subject = doc.credentialSubject as JsonObject;
    subject.identifier = [{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: `Ada${'Lovelace'.repeat(40)}` }];
    (subject.achievement as JsonObject).name = `did:web:${'very-long-unbroken-segment-'.repeat(12)}example`;
    return doc;
  }

  async function withStatus<T>(listStatus: number | 'down', run: () => Promise<T>): Promise<T> {
    if (listStatus === 'down') status.down('/status-lists/list-1');
    else status.serve('/status-lists/list-1', await f.statusList(listStatus));
    try {
      return await run();
    } finally {
      status.serve('/status-lists/list-1', await f.statusList(0));
    }
  }

  const background = (e: unknown) =>
    (globalThis as unknown as { getComputedStyle(el: unknown): { backgroundColor: string } }).getComputedStyle(e).backgroundColor;

  it("shows the dates in the browser's locale, with the ISO instant in a <time datetime> attribute", async () => {
    for (const [locale, awarded] of [
      ['en-GB', '10 January 2026'],
      ['de-DE', '10. Januar 2026'],
    ] as const) {
      const { page, errors, close } = await check(f.credential, { locale, timezoneId: 'UTC' });
      const time = page.locator('#dates dd[data-date="awarded"] time');
      expect(await time.textContent()).toBe(awarded);
      expect(await time.getAttribute('datetime')).toBe('2026-01-10T10:00:00.000Z');
      const from = page.locator('#dates dd[data-date="valid-from"] time');
      expect(await from.textContent()).toBe(awarded);
      expect(await from.getAttribute('datetime')).toBe('2026-01-10T10:00:00.000Z');
      expect(await page.textContent('#dates dd[data-date="valid-until"]')).toBe('no end date');
      expect(errors).toEqual([]);
      await close();
    }
  }, 30_000);

  it('shows a validUntil as a localised <time> too', async () => {
    expect(f.credential.validUntil).toBeUndefined();
    const { page, close } = await check({ ...f.credential, validUntil: '2027-02-01T00:00:00Z' }, { locale: 'en-US', timezoneId: 'UTC' });
    const until = page.locator('#dates dd[data-date="valid-until"] time');
    expect(await until.textContent()).toBe('February 1, 2027');
    expect(await until.getAttribute('datetime')).toBe('2027-02-01T00:00:00.000Z');
    await close();
  }, 30_000);

  it('shows the grade with its scale and pass mark, and which bodies signed with their own keys', async () => {
    const { page, errors, close } = await check(graded, { locale: 'en-GB', timezoneId: 'UTC' });
    expect(await page.textContent('#verdict')).toBe(VERDICTS.valid);
    expect(await page.textContent('#annex dd[data-element="grade"]')).toBe(
      '8 on a scale 1\u201310, pass mark 6 (Alliance ten-point scale)',
    );
    const aalborg = page.locator('#bodies').getByRole('listitem').filter({ hasText: 'Aalborg Technical University' });
    expect(await aalborg.textContent()).toContain('Signature: own key.');
    const hamburg = page.locator('#bodies').getByRole('listitem').filter({ hasText: 'Hamburg University of Technology' });
    expect(await hamburg.textContent()).toContain('Signature: own key.');
    expect(errors).toEqual([]);
    await close();
  }, 30_000);

  it('shows a grade without a stated scale as the bare grade', async () => {
    const { page, close } = await check(f.credential);
    expect(await page.textContent('#annex dd[data-element="grade"]')).toBe('8');
    await close();
  }, 30_000);

  describe.each([
    [1200, 800],
    [375, 740],
  ])('at %i px wide', (width, height) => {
    it.each([
      ['valid', () => Promise.resolve(f.credential)],
      ['invalid-impersonation', impersonation],
      ['invalid-long-words', () => Promise.resolve(tamperedWithLongWords())],
    ] as const)(
      'renders the %s report without horizontal overflow, and a screenshot of it',
      async (name, credential) => {
        const { page, errors, close } = await check(await credential(), { viewport: { width, height } });
        const verdict = await page.textContent('#verdict');
        expect(verdict).toBe(name === 'valid' ? VERDICTS.valid : VERDICTS.invalid);
        if (name === 'invalid-impersonation') expect(await page.textContent('#reason')).toMatch(/did:web:aau-look\.example/);
        const fits = await page.evaluate(() => {
          const g = globalThis as unknown as { document: { documentElement: { scrollWidth: number } }; innerWidth: number };
          return { scrollWidth: g.document.documentElement.scrollWidth, innerWidth: g.innerWidth };
        });
        expect(fits.innerWidth).toBe(width);
        expect(fits.scrollWidth).toBeLessThanOrEqual(fits.innerWidth);
        const file = join(shots, `${name}-${width}.png`);
        await page.screenshot({ path: file, fullPage: true });
        expect(existsSync(file)).toBe(true);
        expect(statSync(file).size).toBeGreaterThan(10 * 1024);
        expect(errors).toEqual([]);
        await close();
      },
      30_000,
    );
  });

  it.each<[Verdict, () => Promise<unknown>, number | 'down' | null]>([
    ['valid', () => Promise.resolve(graded), null],
    ['invalid', () => Promise.resolve(f.credential), 2],
    [
      'unverified-issuer',
      () =>
        f
          .outsider((id) => ({ id, name: 'Outside College', address: { type: ['Address'], addressCountryCode: 'FR' } }))
          .then((o) => o.credential),
      null,
    ],
    ['indeterminate', () => Promise.resolve(f.credential), 'down'],
  ])(
    'has no serious or critical accessibility violations on the %s report (axe-core)',
    async (verdict, credential, listStatus) => {
      const run = async () => {
        const { page, close } = await check(await credential(), { bypassCSP: true });
        expect(await page.getAttribute('#verdict', 'data-verdict')).toBe(verdict);
        expect(await page.textContent('#status')).toBe(`Checked. ${VERDICTS[verdict]}`);
        await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
        const violations = await page.evaluate(async () => {
          const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
          const result = await axe.run();
          return result.violations.map((x) => ({
            id: x.id,
            impact: x.impact,
            help: x.help,
            nodes: x.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
          }));
        });
        const serious = violations.filter((x) => x.impact === 'serious' || x.impact === 'critical');
        if (serious.length) console.log(`axe-core on the ${verdict} report:\n${JSON.stringify(serious, null, 2)}`);
        expect(serious).toEqual([]);
        await close();
      };
      await (listStatus === null ? run() : withStatus(listStatus, run));
    },
    30_000,
  );

  it('has no serious or critical accessibility violations before anything is checked (axe-core)', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${v.url}/verify`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getByLabel('Credential (JSON)').count()).toBe(1);
    expect(await page.getByLabel('Or choose a file').count()).toBe(1);
    expect(await page.getByRole('main').count()).toBe(1);
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    const serious = await page.evaluate(async () => {
      const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
      return (await axe.run()).violations
        .filter((x) => x.impact === 'serious' || x.impact === 'critical')
        .map((x) => ({ id: x.id, impact: x.impact, help: x.help }));
    });
    if (serious.length) console.log(`axe-core on the empty page:\n${JSON.stringify(serious, null, 2)}`);
    expect(serious).toEqual([]);
    await context.close();
  }, 30_000);

  it('paints green only for valid: each of the four verdicts has its own banner colour, class and words', async () => {
    const seen = new Map<Verdict, { colour: string; text: string | null; cls: string | null }>();
    const look = async (expected: Verdict, credential: unknown) => {
      const { page, close } = await check(credential);
      seen.set(expected, {
        colour: await page.$eval('#verdict', background),
        text: await page.textContent('#verdict'),
        cls: await page.getAttribute('#verdict', 'class'),
      });
      await close();
    };
    await look('valid', f.credential);
    await withStatus(2, () => look('invalid', f.credential));
    await withStatus('down', () => look('indeterminate', f.credential));
    await look(
      'unverified-issuer',
      (await f.outsider((id) => ({ id, name: 'Outside College', address: { type: ['Address'], addressCountryCode: 'FR' } }))).credential,
    );

    for (const verdict of Object.keys(VERDICTS) as Verdict[]) {
      expect(seen.get(verdict)?.text).toBe(VERDICTS[verdict]);
      expect(seen.get(verdict)?.cls).toBe(`verdict ${verdict}`);
    }
    const colours = [...seen.values()].map((s) => s.colour);
    expect(new Set(colours).size).toBe(4);
    const green = (rgb: string) => {
      const [r, g, b] = (rgb.match(/\d+/g) ?? []).map(Number);
      return g > r && g > b;
    };
    expect(green(seen.get('valid')!.colour)).toBe(true);
    for (const verdict of ['invalid', 'indeterminate', 'unverified-issuer'] as const) expect(green(seen.get(verdict)!.colour)).toBe(false);
  }, 60_000);
});

/** The fixture's credential with a ten-point grading scale and pass mark on its achievement, signed again by both members. */
async function withGradingScale(f: Awaited<ReturnType<typeof allianceFixture>>): Promise<JsonObject> {
  const doc = structuredClone(f.unsigned);
  const subject = doc.credentialSubject as JsonObject;
  const achievement = subject.achievement as JsonObject;
  const scaleId = `${achievement.id as string}#grade`;
  achievement.resultDescription = [
    {
      id: scaleId,
      type: ['ResultDescription'],
      name: 'Alliance ten-point scale',
      resultType: 'LetterGrade',
      allowedValue: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'],
      requiredValue: '6',
    },
  ];
  subject.result = [{ type: ['Result'], value: '8', resultDescription: scaleId }];
  return signCredential(doc, [
    {
      verificationMethod: `${f.A.did}#key-1`,
      privateKey: f.keyA.secretKey,
      cryptosuite: 'eddsa-jcs-2022',
      created: '2026-01-10T10:00:01Z',
    },
    {
      verificationMethod: `${f.B.did}#key-1`,
      privateKey: f.keyB.secretKey,
      cryptosuite: 'eddsa-jcs-2022',
      created: '2026-01-10T10:00:02Z',
    },
  ]);
}
