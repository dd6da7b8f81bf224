import { existsSync } from 'node:fs';
import { buildDidWebDocument, createTestTls, startDidWebServer, startTrustingDidWebResolver } from '@alliance/credentials';
import { allianceFixture } from '../application/__fixtures__/alliance-credential.fixture';
import { registration } from './catalogue-messages';
import { eventually, startStatusServer, startVerification, type VerificationApp } from './verification-app';

const CHROMIUM = '/usr/bin/chromium';

type Playwright = typeof import('playwright-core');
function installed(name: string): boolean {
  try {
    require.resolve(name);
    return true;
  } catch {
    return false;
  }
}

const missing = !existsSync(CHROMIUM)
  ? `${CHROMIUM} is missing (apt-get install -y chromium)`
  : !installed('playwright-core')
    ? 'playwright-core is not installed'
    : undefined;
if (missing) console.log(`Skipping the /verify browser test: ${missing}`);
const describeInBrowser = missing ? describe.skip : describe;

describeInBrowser('the employer page in headless Chromium', () => {
  let v: VerificationApp;
  let status: Awaited<ReturnType<typeof startStatusServer>>;
  let f: Awaited<ReturnType<typeof allianceFixture>>;
  let browser: Awaited<ReturnType<Playwright['chromium']['launch']>>;

  beforeAll(async () => {
    status = await startStatusServer();
    v = await startVerification({
      VERIFICATION_ISSUANCE_PUBLIC_URL: 'https://issuance.alliance.example',
      VERIFICATION_ISSUANCE_INTERNAL_URL: status.url,
      VERIFICATION_CATALOGUE_PUBLIC_URL: 'https://credentials.alliance.example',
      VERIFICATION_STATUS_LIST_CACHE_MAX_ENTRIES: '0',
    });
    f = await allianceFixture();
    status.serve('/status-lists/list-1', await f.statusList(0));
    await v.bus.publish([...registration(f.A), ...registration(f.B)]);
    const playwright: Playwright = await import('playwright-core');
    browser = await playwright.chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await v?.close();
    await status?.close();
  });

  async function check(credential: unknown) {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${v.url}/verify`);
    await page.fill('#credential', JSON.stringify(credential, null, 2));
    await page.click('#check');
    await page.waitForSelector('#result:not([hidden])');
    return { page, errors };
  }

  it('shows a genuine credential as valid, who awarded it and what it certifies, in plain words', async () => {
    const { page, errors } = await check(f.credential);
    expect(await page.textContent('#verdict')).toBe('This credential is valid.');
    const bodies = await page.textContent('#bodies');
    expect(bodies).toContain('Aalborg Technical University (DK)');
    expect(bodies).toContain('Hamburg University of Technology (DE)');
    expect(bodies).toContain('alliance member');
    expect(await page.textContent('#title')).toBe('Sustainable Energy Systems');
    expect(await page.textContent('#learner')).toBe('Ada Lovelace');
    const annex = await page.textContent('#annex');
    expect(annex).toContain('6 ECTS credits');
    expect(annex).toContain('EQF level 7');
    expect(annex).toContain('Written examination');
    expect(await page.locator('#checks li').count()).toBe(8);
    const aalborg = page.locator('#bodies').getByRole('listitem').filter({ hasText: 'Aalborg Technical University' });
    expect(await aalborg.textContent()).toContain('DID: institution-hosted did:web.');
    expect(await aalborg.textContent()).toContain('Signature: own key.');
    expect(errors).toEqual([]);
    await page.close();
  }, 30_000);

  it("says which awarding body's DID the platform hosts and which signed through the platform", async () => {
    const hosted = await allianceFixture({
      suffix: '-p',
      didB: 'did:web:credentials.alliance.example:institutions:inst-b-p',
      custody: { A: 'institution', B: 'issuance-service' },
    });
    status.serve('/status-lists/list-1', await hosted.statusList(0));
    try {
      await v.bus.publish([...registration(hosted.A), ...registration(hosted.B)]);
      await eventually(async () =>
        (await v.http().post('/verifications').send(hosted.credential)).body.verdict === 'valid' ? true : undefined,
      );
      const { page, errors } = await check(hosted.credential);
      expect(await page.textContent('#verdict')).toBe('This credential is valid.');
      const hamburg = page.locator('#bodies').getByRole('listitem').filter({ hasText: 'Hamburg University of Technology' });
      expect(await hamburg.textContent()).toContain('DID: platform-hosted did:web.');
      expect(await hamburg.textContent()).toContain('Signature: delegated to the platform.');
      const aalborg = page.locator('#bodies').getByRole('listitem').filter({ hasText: 'Aalborg Technical University' });
      expect(await aalborg.textContent()).toContain('DID: institution-hosted did:web.');
      expect(await aalborg.textContent()).toContain('Signature: own key.');
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      status.serve('/status-lists/list-1', await f.statusList(0));
    }
  }, 30_000);

  it('shows a genuine credential from outside the alliance in amber, never green: signatures intact, issuer not in the registry', async () => {
    const { credential } = await f.outsider((id) => ({
      id,
      name: 'Outside College',
      address: { type: ['Address'], addressCountryCode: 'FR' },
    }));
    const { page, errors } = await check(credential);
    expect(await page.textContent('#verdict')).toBe('Signatures intact, issuer not in the alliance registry.');
    expect(await page.getAttribute('#verdict', 'class')).toBe('verdict unverified-issuer');
    expect(await page.textContent('#reason')).toContain('Outside College');
    expect(await page.textContent('#bodies')).toContain('not in the alliance registry');
    const background = (e: unknown) =>
      (globalThis as unknown as { getComputedStyle(el: unknown): { backgroundColor: string } }).getComputedStyle(e).backgroundColor;
    const colour = await page.$eval('#verdict', background);
    const { page: green } = await check(f.credential);
    const validColour = await green.$eval('#verdict', background);
    expect(validColour).toBe('rgb(227, 246, 232)');
    expect(colour).toBe('rgb(255, 232, 194)');
    expect(errors).toEqual([]);
    await green.close();
    await page.close();
  }, 30_000);

  it('shows an impersonation as not valid, naming the member it claims to be', async () => {
    const { credential } = await f.outsider((id) => ({
      id,
      name: 'Aalborg Technical University',
      address: { type: ['Address'], addressCountryCode: 'DK' },
    }));
    const { page } = await check(credential);
    expect(await page.textContent('#verdict')).toBe('This credential is NOT valid.');
    expect(await page.textContent('#reason')).toContain(`the alliance member Aalborg Technical University`);
    expect(await page.textContent('#reason')).toMatch(/that member's DID in the alliance registry is did:web:aau(-p)?\.example/);
    await page.close();
  }, 30_000);

  it('shows a revoked credential as not valid, with the reason', async () => {
    status.serve('/status-lists/list-1', await f.statusList(2));
    const { page } = await check(f.credential);
    expect(await page.textContent('#verdict')).toBe('This credential is NOT valid.');
    expect(await page.textContent('#reason')).toContain('revoked by its issuer');
    expect(await page.getAttribute('#checks li[data-check="status"]', 'class')).toBe('failed');
    status.serve('/status-lists/list-1', await f.statusList(0));
    await page.close();
  }, 30_000);

  it('shows a credential with a removed signature as not valid, naming the university', async () => {
    const { page } = await check({ ...f.credential, proof: [(f.credential.proof as unknown[])[0]] });
    expect(await page.textContent('#verdict')).toBe('This credential is NOT valid.');
    expect(await page.textContent('#reason')).toContain('Hamburg University of Technology');
    expect(await page.textContent('#bodies')).toContain('signature missing');
    await page.close();
  }, 30_000);

  it('never renders credential text as markup', async () => {
    const { page, errors } = await check({ ...f.credential, name: '<img src=x onerror="window.__pwned=1">' });
    expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(errors.filter((e) => !/Content Security Policy|Failed to load resource/.test(e))).toEqual([]);
    await page.close();
  }, 30_000);

  it('tells the user when what they pasted is not JSON', async () => {
    const page = await browser.newPage();
    await page.goto(`${v.url}/verify`);
    await page.fill('#credential', 'not a credential');
    await page.click('#check');
    await page.waitForSelector('#error:not([hidden])');
    expect(await page.textContent('#error')).toContain('not JSON');
    await page.close();
  });
});

describeInBrowser('the employer page, for a member whose own DID document no longer lists its key', () => {
  it('still says valid, and lists the DID document finding as a note among the checks', async () => {
    const tls = createTestTls();
    const web = await startDidWebServer(tls.server);
    const resolver = await startTrustingDidWebResolver(tls.caFile);
    const status = await startStatusServer();
    const f = await allianceFixture({
      suffix: '-own',
      didA: web.did('uni', 'aau'),
      didB: 'did:web:credentials.alliance.example:institutions:inst-b-own',
    });
    const v = await startVerification(
      {
        VERIFICATION_ISSUANCE_PUBLIC_URL: 'https://issuance.alliance.example',
        VERIFICATION_ISSUANCE_INTERNAL_URL: status.url,
        VERIFICATION_CATALOGUE_PUBLIC_URL: 'https://credentials.alliance.example',
      },
      { memberDidDocuments: resolver },
    );
    const playwright: Playwright = await import('playwright-core');
    const browser = await playwright.chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    try {
      status.serve('/status-lists/list-1', await f.statusList(0));
      web.publish(buildDidWebDocument(f.A.did, []));
      await v.bus.publish([...registration(f.A), ...registration(f.B)]);
      await eventually(async () =>
        (await v.http().post('/verifications').send(f.credential)).body.verdict === 'valid' ? true : undefined,
      );
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${v.url}/verify`);
      await page.fill('#credential', JSON.stringify(f.credential));
      await page.click('#check');
      await page.waitForSelector('#result:not([hidden])');
      expect(await page.textContent('#verdict')).toBe('This credential is valid.');
      const note = page.locator('#checks li[data-check="did-documents"]');
      expect(await note.getAttribute('class')).toBe('warning');
      expect(await note.textContent()).toMatch(/^NoteAalborg Technical University no longer lists the key that signed this credential/);
      expect(await page.locator('#checks').getByRole('listitem').count()).toBe(9);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      await v.close();
      await status.close();
      await resolver.close();
      await web.close();
      tls.remove();
    }
  }, 60_000);
});
