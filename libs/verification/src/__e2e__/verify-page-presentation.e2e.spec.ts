import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type JsonObject, signCredential } from '@alliance/credentials';
import { seriousAxeViolations } from '@alliance/testing';
import { type AllianceFixture, outsiderCredential, perSuite, startWithStatusLists } from './alliance-verification';
import { type BrowserContextOptions, checkOnEmployerPage, chromiumPerSuite, describeInChromium } from './employer-page-browser';

const describeInBrowser = describeInChromium('the /verify presentation browser tests', {
  'playwright-core': 'playwright-core',
  'axe-core/axe.min.js': 'axe-core',
});

const VERDICTS = {
  valid: 'This credential is valid.',
  invalid: 'This credential is NOT valid.',
  indeterminate: 'This credential could not be fully checked.',
  'unverified-issuer': 'Signatures intact, issuer not in the alliance registry.',
} as const;
type Verdict = keyof typeof VERDICTS;

describeInBrowser('the employer page: dates, grade, layout, accessibility and verdict colours in headless Chromium', () => {
  const alliance = perSuite(() =>
    startWithStatusLists({
      env: { VERIFICATION_CATALOGUE_PUBLIC_URL: 'https://credentials.alliance.example', VERIFICATION_STATUS_LIST_CACHE_MAX_ENTRIES: '0' },
      fixture: { suffix: '-look' },
    }),
  );
  const chromium = chromiumPerSuite();
  let graded: JsonObject;
  let shots: string;

  beforeAll(async () => {
    shots = mkdtempSync(join(tmpdir(), 'verify-page-shots-'));
    graded = await withGradingScale(alliance.f);
  });
  afterAll(() => {
    if (shots) rmSync(shots, { recursive: true, force: true });
  });

  const check = (credential: unknown, options?: BrowserContextOptions) =>
    checkOnEmployerPage(chromium.browser, alliance.v.url, credential, options);

  const impersonation = () => outsiderCredential(alliance.f, 'Aalborg Technical University', 'DK');

  /** Tampered after signing, with a learner name and a title no line can break at a space. */
  function tamperedWithLongWords(): JsonObject {
    const doc = structuredClone(alliance.f.credential);
    const subject = doc.credentialSubject as JsonObject;
    subject.identifier = [{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: `Ada${'Lovelace'.repeat(40)}` }];
    (subject.achievement as JsonObject).name = `did:web:${'very-long-unbroken-segment-'.repeat(12)}example`;
    return doc;
  }

  async function withStatus<T>(listStatus: number | 'down', run: () => Promise<T>): Promise<T> {
    if (listStatus === 'down') alliance.status.down('/status-lists/list-1');
    else alliance.status.serve('/status-lists/list-1', await alliance.f.statusList(listStatus));
    try {
      return await run();
    } finally {
      alliance.status.serve('/status-lists/list-1', await alliance.f.statusList(0));
    }
  }

  const background = (e: unknown) =>
    (globalThis as unknown as { getComputedStyle(el: unknown): { backgroundColor: string } }).getComputedStyle(e).backgroundColor;

  it("shows the dates in the browser's locale, with the ISO instant in a <time datetime> attribute", async () => {
    for (const [locale, awarded] of [
      ['en-GB', '10 January 2026'],
      ['de-DE', '10. Januar 2026'],
    ] as const) {
      const { page, errors, close } = await check(alliance.f.credential, { locale, timezoneId: 'UTC' });
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
    expect(alliance.f.credential.validUntil).toBeUndefined();
    const { page, close } = await check(
      { ...alliance.f.credential, validUntil: '2027-02-01T00:00:00Z' },
      { locale: 'en-US', timezoneId: 'UTC' },
    );
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
    const { page, close } = await check(alliance.f.credential);
    expect(await page.textContent('#annex dd[data-element="grade"]')).toBe('8');
    await close();
  }, 30_000);

  describe.each([
    [1200, 800],
    [375, 740],
  ])('at %i px wide', (width, height) => {
    it.each([
      ['valid', () => Promise.resolve(alliance.f.credential)],
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
    ['invalid', () => Promise.resolve(alliance.f.credential), 2],
    ['unverified-issuer', () => outsiderCredential(alliance.f, 'Outside College', 'FR'), null],
    ['indeterminate', () => Promise.resolve(alliance.f.credential), 'down'],
  ])(
    'has no serious or critical accessibility violations on the %s report (axe-core)',
    async (verdict, credential, listStatus) => {
      const run = async () => {
        const { page, close } = await check(await credential(), { bypassCSP: true });
        expect(await page.getAttribute('#verdict', 'data-verdict')).toBe(verdict);
        expect(await page.textContent('#status')).toBe(`Checked. ${VERDICTS[verdict]}`);
        expect(await seriousAxeViolations(page, `the ${verdict} report`)).toEqual([]);
        await close();
      };
      await (listStatus === null ? run() : withStatus(listStatus, run));
    },
    30_000,
  );

  it('has no serious or critical accessibility violations before anything is checked (axe-core)', async () => {
    const context = await chromium.browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${alliance.v.url}/verify`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getByLabel('Credential (JSON)').count()).toBe(1);
    expect(await page.getByLabel('Or choose a file').count()).toBe(1);
    expect(await page.getByRole('main').count()).toBe(1);
    expect(await seriousAxeViolations(page, 'the empty page')).toEqual([]);
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
    await look('valid', alliance.f.credential);
    await withStatus(2, () => look('invalid', alliance.f.credential));
    await withStatus('down', () => look('indeterminate', alliance.f.credential));
    await look('unverified-issuer', await outsiderCredential(alliance.f, 'Outside College', 'FR'));

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
async function withGradingScale(f: AllianceFixture): Promise<JsonObject> {
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
