import { buildDidWebDocument } from '@alliance/credentials';
import { allianceFixture } from '../application/__fixtures__/alliance-credential.fixture';
import {
  outsiderCredential,
  perSuite,
  registerMembers,
  startTrustedMemberDomain,
  startWithStatusLists,
  untilValid,
} from './alliance-verification';
import { checkOnEmployerPage, chromiumPerSuite, describeInChromium, launchChromium } from './employer-page-browser';

const describeInBrowser = describeInChromium('the /verify browser test', { 'playwright-core': 'playwright-core' });

describeInBrowser('the employer page in headless Chromium', () => {
  const alliance = perSuite(() =>
    startWithStatusLists({
      env: { VERIFICATION_CATALOGUE_PUBLIC_URL: 'https://credentials.alliance.example', VERIFICATION_STATUS_LIST_CACHE_MAX_ENTRIES: '0' },
    }),
  );
  const chromium = chromiumPerSuite();
  const check = (credential: unknown) => checkOnEmployerPage(chromium.browser, alliance.v.url, credential);

  it('shows a genuine credential as valid, who awarded it and what it certifies, in plain words', async () => {
    const { page, errors, close } = await check(alliance.f.credential);
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
    await close();
  }, 30_000);

  it("says which awarding body's DID the platform hosts and which signed through the platform", async () => {
    const hosted = await allianceFixture({
      suffix: '-p',
      didB: 'did:web:credentials.alliance.example:institutions:inst-b-p',
      custody: { A: 'institution', B: 'issuance-service' },
    });
    alliance.status.serve('/status-lists/list-1', await hosted.statusList(0));
    try {
      await registerMembers(alliance.v, hosted);
      await untilValid(alliance.v, hosted.credential);
      const { page, errors, close } = await check(hosted.credential);
      expect(await page.textContent('#verdict')).toBe('This credential is valid.');
      const hamburg = page.locator('#bodies').getByRole('listitem').filter({ hasText: 'Hamburg University of Technology' });
      expect(await hamburg.textContent()).toContain('DID: platform-hosted did:web.');
      expect(await hamburg.textContent()).toContain('Signature: delegated to the platform.');
      const aalborg = page.locator('#bodies').getByRole('listitem').filter({ hasText: 'Aalborg Technical University' });
      expect(await aalborg.textContent()).toContain('DID: institution-hosted did:web.');
      expect(await aalborg.textContent()).toContain('Signature: own key.');
      expect(errors).toEqual([]);
      await close();
    } finally {
      alliance.status.serve('/status-lists/list-1', await alliance.f.statusList(0));
    }
  }, 30_000);

  it('shows a genuine credential from outside the alliance in amber, never green: signatures intact, issuer not in the registry', async () => {
    const { page, errors, close } = await check(await outsiderCredential(alliance.f, 'Outside College', 'FR'));
    expect(await page.textContent('#verdict')).toBe('Signatures intact, issuer not in the alliance registry.');
    expect(await page.getAttribute('#verdict', 'class')).toBe('verdict unverified-issuer');
    expect(await page.textContent('#reason')).toContain('Outside College');
    expect(await page.textContent('#bodies')).toContain('not in the alliance registry');
    const background = (e: unknown) =>
      (globalThis as unknown as { getComputedStyle(el: unknown): { backgroundColor: string } }).getComputedStyle(e).backgroundColor;
    const colour = await page.$eval('#verdict', background);
    const { page: green, close: closeGreen } = await check(alliance.f.credential);
    const validColour = await green.$eval('#verdict', background);
    expect(validColour).toBe('rgb(227, 246, 232)');
    expect(colour).toBe('rgb(255, 232, 194)');
    expect(errors).toEqual([]);
    await closeGreen();
    await close();
  }, 30_000);

  it('shows an impersonation as not valid, naming the member it claims to be', async () => {
    const { page, close } = await check(await outsiderCredential(alliance.f, 'Aalborg Technical University', 'DK'));
    expect(await page.textContent('#verdict')).toBe('This credential is NOT valid.');
    expect(await page.textContent('#reason')).toContain(`the alliance member Aalborg Technical University`);
    expect(await page.textContent('#reason')).toMatch(/that member's DID in the alliance registry is did:web:aau(-p)?\.example/);
    await close();
  }, 30_000);

  it('shows a revoked credential as not valid, with the reason', async () => {
    alliance.status.serve('/status-lists/list-1', await alliance.f.statusList(2));
    const { page, close } = await check(alliance.f.credential);
    expect(await page.textContent('#verdict')).toBe('This credential is NOT valid.');
    expect(await page.textContent('#reason')).toContain('revoked by its issuer');
    expect(await page.getAttribute('#checks li[data-check="status"]', 'class')).toBe('failed');
    alliance.status.serve('/status-lists/list-1', await alliance.f.statusList(0));
    await close();
  }, 30_000);

  it('shows a credential with a removed signature as not valid, naming the university', async () => {
    const { page, close } = await check({ ...alliance.f.credential, proof: [(alliance.f.credential.proof as unknown[])[0]] });
    expect(await page.textContent('#verdict')).toBe('This credential is NOT valid.');
    expect(await page.textContent('#reason')).toContain('Hamburg University of Technology');
    expect(await page.textContent('#bodies')).toContain('signature missing');
    await close();
  }, 30_000);

  it('never renders credential text as markup', async () => {
    const { page, errors, close } = await check({ ...alliance.f.credential, name: '<img src=x onerror="window.__pwned=1">' });
    expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(errors.filter((e) => !/Content Security Policy|Failed to load resource/.test(e))).toEqual([]);
    await close();
  }, 30_000);

  it('tells the user when what they pasted is not JSON', async () => {
    const page = await chromium.browser.newPage();
    await page.goto(`${alliance.v.url}/verify`);
    await page.fill('#credential', 'not a credential');
    await page.click('#check');
    await page.waitForSelector('#error:not([hidden])');
    expect(await page.textContent('#error')).toContain('not JSON');
    await page.close();
  });
});

describeInBrowser('the employer page, for a member whose own DID document no longer lists its key', () => {
  it('still says valid, and lists the DID document finding as a note among the checks', async () => {
    const domain = await startTrustedMemberDomain();
    const { v, f, close } = await startWithStatusLists({
      env: { VERIFICATION_CATALOGUE_PUBLIC_URL: 'https://credentials.alliance.example' },
      fixture: { suffix: '-own', didA: domain.web.did('uni', 'aau'), didB: 'did:web:credentials.alliance.example:institutions:inst-b-own' },
      memberDidDocuments: domain.resolver,
      beside: domain,
    });
    const browser = await launchChromium();
    try {
      domain.web.publish(buildDidWebDocument(f.A.did, []));
      await untilValid(v, f.credential);
      const { page, errors } = await checkOnEmployerPage(browser, v.url, f.credential);
      expect(await page.textContent('#verdict')).toBe('This credential is valid.');
      const note = page.locator('#checks li[data-check="did-documents"]');
      expect(await note.getAttribute('class')).toBe('warning');
      expect(await note.textContent()).toMatch(/^NoteAalborg Technical University no longer lists the key that signed this credential/);
      expect(await page.locator('#checks').getByRole('listitem').count()).toBe(9);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      await close();
    }
  }, 60_000);
});
