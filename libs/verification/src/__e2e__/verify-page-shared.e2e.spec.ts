import { perSuite, startWithMembers, untilValid } from './alliance-verification';
import { chromiumPerSuite, describeInChromium } from './employer-page-browser';
import { shareToken, startIssuanceStandIn } from './issuance-stand-in';

type StandIn = Awaited<ReturnType<typeof startIssuanceStandIn>>;

const describeInBrowser = describeInChromium('the /verify share link browser test', { 'playwright-core': 'playwright-core' });

describeInBrowser(
  'the employer page opened from a learner’s share link, in headless Chromium (issuance stood in by a local server)',
  () => {
    const standIn = {} as StandIn;
    const alliance = perSuite(async () => {
      Object.assign(standIn, await startIssuanceStandIn());
      const started = await startWithMembers({
        env: { VERIFICATION_ISSUANCE_PUBLIC_URL: 'https://issuance.alliance.example', VERIFICATION_ISSUANCE_INTERNAL_URL: standIn.url },
        beside: standIn,
      });
      standIn.answer('/status-lists/list-1', { status: 200, body: await started.f.statusList(0) });
      await untilValid(started.v, started.f.credential);
      return started;
    });
    const chromium = chromiumPerSuite();

    const openPage = async (query: string) => {
      const context = await chromium.browser.newContext();
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const response = await page.goto(`${alliance.v.url}/verify?${query}`);
      return { page, errors, response, close: () => context.close() };
    };

    it('fetches the shared credential, says the learner shared it, and shows the report without anything pasted', async () => {
      const token = shareToken();
      standIn.answer(`/shared-credentials/${token}`, { status: 200, body: alliance.f.credential });
      const { page, errors, response, close } = await openPage(`share=${token}`);
      expect(response?.headers()['referrer-policy']).toBe('no-referrer');
      expect(response?.headers()['content-security-policy']).toContain("connect-src 'self'");
      await page.waitForSelector('#result:not([hidden])');
      expect(await page.textContent('#verdict')).toBe('This credential is valid.');
      expect(await page.textContent('#title')).toBe('Sustainable Energy Systems');
      expect(await page.isVisible('#shared')).toBe(true);
      expect(await page.textContent('#shared')).toContain('The learner shared this credential with you through a link');
      expect(JSON.parse(await page.inputValue('#credential'))).toEqual(alliance.f.credential);
      expect(errors).toEqual([]);
      await close();
    }, 30_000);

    it('says plainly when the link has expired or was withdrawn, and when it is not a link at all', async () => {
      const gone = await openPage(`share=${shareToken()}`);
      await gone.page.waitForSelector('#error:not([hidden])');
      expect(await gone.page.textContent('#error')).toContain('expired or the learner withdrew it');
      expect(await gone.page.isHidden('#result')).toBe(true);
      await gone.close();

      const asked = standIn.requests.length;
      const malformed = await openPage('share=not%20a%20token');
      await malformed.page.waitForSelector('#error:not([hidden])');
      expect(await malformed.page.textContent('#error')).toBe('This share link is not valid: check that it was copied whole.');
      expect(standIn.requests.length).toBe(asked);
      expect(malformed.errors).toEqual([]);
      await malformed.close();
    }, 30_000);
  },
);
