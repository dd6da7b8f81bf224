import { readFile } from 'node:fs/promises';
import { offerQrSvg, OPEN_BADGE_LDP_VC, readPdf } from '@alliance/credentials';
import { chromiumPerSuite, describeInChromium, type BrowserContextOptions, type Page, seriousAxeViolations } from '@alliance/testing';
import type { IssuanceApp } from './issuance-app';
import { type LearnerMailLine, useWalletApp } from './wallet-app';

type Overview = {
  learner: { learnerId: string; name?: string };
  enrolments: { specId: string; title: string; state: string; components: { code: string; result?: { passed: boolean } }[] }[];
  credentials: {
    credentialId: string;
    title: string;
    lifecycle: string;
    awardingBodies: string[];
    annexI: { key: string; present: boolean; text: string }[];
  }[];
};

const LINK = /(https?:\/\/\S+\/learner#sign-in=([A-Za-z0-9._-]+))/;

describe('the learner page: one-time sign-in links by e-mail, and the learner’s own enrolments and credentials', () => {
  const wallet = useWalletApp({ VERIFY_PAGE_URL: 'https://verify.alliance.example/verify' });
  let it$: IssuanceApp;
  beforeAll(() => (it$ = wallet.app()));

  /** The sign-in link mailed to `email` after `since`. */
  const mailedLink = async (email: string, since: string) => {
    const mail = await wallet.mailWhere(
      (m) => m.kind === 'learner-sign-in-link' && m.to === email && m.sentAt >= since,
      `the sign-in link for ${email}`,
    );
    return { mail, url: LINK.exec(mail.text)![1], token: LINK.exec(mail.text)![2] };
  };
  const requestLink = (email: string) => it$.http().post('/learner/sign-in-links').send({ email }).expect(202);

  it('answers the same for a known and an unknown address, and mails a link only to the learner, once per request', async () => {
    const credentialId = await wallet.issuedTo('learner-p1', { name: 'Grace Hopper', email: 'grace@example.org' });
    const since = new Date().toISOString();
    const known = await requestLink('Grace@Example.ORG');
    const unknown = await requestLink('nobody@example.org');
    expect(known.body).toEqual(unknown.body);
    const { mail, url } = await mailedLink('grace@example.org', since);
    expect(mail).toMatchObject({ learnerId: 'learner-p1', subject: expect.stringMatching(/sign in/i) });
    expect(url.startsWith(`${it$.url}/learner#sign-in=`)).toBe(true);
    expect(mail.text).toContain('Hello Grace Hopper');
    const file = await readFile(`${it$.config.DATA_DIR}/mail/learner-mail.jsonl`, 'utf8');
    expect(file).not.toContain('nobody@example.org');
    // The event log names the learner and the link's id, never the address or the link's secret.
    const signIn = (await it$.store.readStream(`issuance.learner-sign-in-${mail.reference}`)).map((e) => ({ type: e.type, data: e.data }));
    expect(signIn).toEqual([{ type: 'LearnerSignInRequested', data: expect.objectContaining({ learnerId: 'learner-p1' }) }]);
    expect(JSON.stringify(signIn)).not.toMatch(/grace@|#sign-in/);
    expect(credentialId).toBeDefined();
  });

  it('opens one session per link, showing the learner their enrolment, component results and credential in plain words', async () => {
    const credentialId = await wallet.issuedTo('learner-p2', { name: 'Łucja Ωmega', email: 'lucja@example.org' });
    const since = new Date().toISOString();
    await requestLink('lucja@example.org');
    const { token, mail } = await mailedLink('lucja@example.org', since);
    const session = (await it$.http().post('/learner/sessions').send({ token }).expect(201)).body as {
      accessToken: string;
      learnerId: string;
    };
    expect(session.learnerId).toBe('learner-p2');
    const replay = await it$.http().post('/learner/sessions').send({ token }).expect(400);
    expect(replay.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(replay.body).toMatchObject({ code: 'issuance.learner-sign-in.link-not-valid' });
    expect((await it$.store.readStream(`issuance.learner-sign-in-${mail.reference}`)).map((e) => e.type)).toEqual([
      'LearnerSignInRequested',
      'LearnerSignedIn',
    ]);

    const overview = (await it$.http().get('/learner/overview').set('authorization', `Bearer ${session.accessToken}`).expect(200))
      .body as Overview;
    expect(overview.learner).toEqual({ learnerId: 'learner-p2', name: 'Łucja Ωmega' });
    expect(overview.enrolments).toEqual([
      expect.objectContaining({
        state: 'awarded',
        components: [expect.objectContaining({ result: expect.objectContaining({ passed: true }) }), expect.anything()],
      }),
    ]);
    expect(overview.credentials.map((c) => [c.credentialId, c.lifecycle])).toEqual([[credentialId, 'issued']]);
    const annex = Object.fromEntries(overview.credentials[0].annexI.filter((e) => e.present).map((e) => [e.key, e.text]));
    expect(annex.workload).toMatch(/ECTS/);
    expect(annex.level).toMatch(/EQF level \d/);
    expect(overview.credentials[0].awardingBodies.length).toBe(2);
    // The session is the learner's own: another learner's credential stays out of reach.
    const other = await wallet.issuedTo('learner-p3', { name: 'Someone Else', email: 'else@example.org' });
    await it$.http().get(`/credentials/${other}`).set('authorization', `Bearer ${session.accessToken}`).expect(404);
  });

  it('gives the learner a PDF of their credential whose QR code is one of their share links, reused while it has long to run', async () => {
    const credentialId = await wallet.issuedTo('learner-p4', { name: 'Ελένη Παπαδοπούλου', email: 'eleni@example.org' });
    const learner = await it$.bearer('learner', undefined, 'learner-p4');
    const pdf = async () => {
      const res = await fetch(`${it$.url}/credentials/${credentialId}/pdf`, { headers: { authorization: learner } });
      expect([res.status, res.headers.get('content-type')]).toEqual([200, 'application/pdf']);
      return (await readPdf(new Uint8Array(await res.arrayBuffer()))).pages.join('\n');
    };
    const first = await pdf();
    expect(first).toContain('Ελένη Παπαδοπούλου');
    expect(first).toContain('https://verify.alliance.example/verify?share=');
    const link = /https:\/\/verify\.alliance\.example\/verify\?share=[A-Za-z0-9_-]+/.exec(first.replace(/\s+/g, ''))![0];
    expect((await pdf()).replace(/\s+/g, '')).toContain(link);
    const shares = (await it$.http().get(`/credentials/${credentialId}/shares`).set('authorization', learner).expect(200)).body as {
      items: unknown[];
    };
    expect(shares.items).toHaveLength(1);
    await it$
      .http()
      .get(`/credentials/${credentialId}/pdf`)
      .set('authorization', await it$.bearer('registrar', 'uni-a'))
      .expect(403);
    await it$
      .http()
      .get(`/credentials/${credentialId}/pdf`)
      .set('authorization', await it$.bearer('learner', undefined, 'learner-p2'))
      .expect(404);
  });

  it('refuses bad input naming the field, never with a 500', async () => {
    for (const body of [{ email: 'not-an-address' }, { email: 'a\u0000@example.org' }, {}, { email: 'x'.repeat(300) + '@example.org' }]) {
      const res = await it$.http().post('/learner/sign-in-links').send(body);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain('email');
    }
    for (const token of ['', 'short', `${'0'.repeat(36)}.${'A'.repeat(43)}`, 'a'.repeat(250)]) {
      const res = await it$.http().post('/learner/sessions').send({ token });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain('token');
    }
    await it$.http().get('/learner/overview').expect(401);
    await it$
      .http()
      .get('/learner/overview')
      .set('authorization', await it$.bearer('registrar', 'uni-a'))
      .expect(403);
  });
});

const chromium = describeInChromium('the learner page in Chromium', {
  'playwright-core': 'playwright-core',
  'axe-core/axe.min.js': 'axe-core',
});

const VERIFY_PAGE = 'https://verify.alliance.example/verify';

chromium('the learner page in Chromium, from the e-mail link to the wallet claim', () => {
  const wallet = useWalletApp({ VERIFY_PAGE_URL: VERIFY_PAGE });
  const browser = chromiumPerSuite();
  let it$: IssuanceApp;
  beforeAll(() => (it$ = wallet.app()));

  const noHorizontalScroll = (page: Page) =>
    page.evaluate(() => {
      const g = globalThis as unknown as { document: { documentElement: { scrollWidth: number } }; innerWidth: number };
      return g.document.documentElement.scrollWidth <= g.innerWidth;
    });

  it.each<[string, BrowserContextOptions]>([
    ['desktop', { viewport: { width: 1280, height: 800 } }],
    ['phone', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }],
  ])(
    'at %s width: asks for a link, signs in from the mail, reads the credential, downloads it and claims it into a wallet',
    async (width, options) => {
      const learnerId = `learner-${width}`;
      const email = `${width}@example.org`;
      const credentialId = await wallet.issuedTo(learnerId, { name: `Maria ${width}`, email });
      const context = await browser.browser.newContext({ ...options, acceptDownloads: true, bypassCSP: true });
      const errors: string[] = [];
      const tab = async () => {
        const opened = await context.newPage();
        opened.on('pageerror', (e) => errors.push(e.message));
        return opened;
      };
      let page = await tab();
      try {
        await page.goto(`${it$.url}/learner`);
        await page.waitForSelector('#sign-in:not([hidden])');
        expect(await seriousAxeViolations(page, `the sign-in form (${width})`)).toEqual([]);
        await page.click('#send-link');
        expect(await page.textContent('#error')).toMatch(/e-mail address/);
        const since = new Date().toISOString();
        await page.fill('#email', email);
        await page.click('#send-link');
        await page.waitForSelector('#link-sent:not([hidden])');
        const mail: LearnerMailLine = await wallet.mailWhere(
          (m) => m.kind === 'learner-sign-in-link' && m.to === email && m.sentAt >= since,
          'the sign-in mail',
        );
        // The learner opens the link from their mailbox: a new tab.
        page = await tab();
        await page.goto(LINK.exec(mail.text)![1]);
        await page.waitForSelector('#home:not([hidden])');
        expect(page.url()).toBe(`${it$.url}/learner`);
        expect(await page.textContent('#home-heading')).toBe(`Hello, Maria ${width}`);
        const card = page.locator(`[data-credential="${credentialId}"]`);
        expect(await card.locator('[data-status]').textContent()).toBe('Valid');
        await card.locator('summary').click();
        expect(await card.locator('[data-element="workload"]').textContent()).toMatch(/ECTS/);
        expect(await page.locator('[data-enrolment] .parts li').count()).toBe(2);
        expect(await noHorizontalScroll(page)).toBe(true);
        expect(await seriousAxeViolations(page, `the learner's credentials (${width})`)).toEqual([]);

        const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Download JSON' }).click()]);
        const saved = JSON.parse(await readFile((await download.path())!, 'utf8')) as { id: string; proof: unknown[] };
        expect(saved.id).toBe(`urn:uuid:${credentialId}`);
        expect(saved.proof).toHaveLength(2);

        const [pdfDownload] = await Promise.all([
          page.waitForEvent('download'),
          card.getByRole('button', { name: 'Download PDF' }).click(),
        ]);
        const pdf = await readFile((await pdfDownload.path())!);
        expect(pdfDownload.suggestedFilename()).toBe(`credential-${credentialId}.pdf`);
        const text = (await readPdf(new Uint8Array(pdf))).pages.join('\n');
        expect(text).toContain(`Maria ${width}`);
        expect(text).toMatch(/Valid/);
        expect(text).toContain(`${VERIFY_PAGE}?share=`);

        await card.getByRole('button', { name: 'Share with an employer' }).click();
        const shareUrl = await card.locator('.share input').inputValue();
        expect(shareUrl.startsWith(`${VERIFY_PAGE}?share=`)).toBe(true);
        // The link opens the credential, for anyone holding it.
        const shared = await fetch(`${it$.url}/shared-credentials/${new URL(shareUrl).searchParams.get('share')}`);
        expect(((await shared.json()) as { id: string }).id).toBe(`urn:uuid:${credentialId}`);

        await card.getByRole('button', { name: 'Add to my wallet' }).click();
        const offerLink = (await card.locator('[data-offer="by-reference"]').getAttribute('href'))!;
        expect(offerLink).toMatch(/^openid-credential-offer:\/\/\?credential_offer_uri=/);
        expect(await card.locator('.wallet img').evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth > 0)).toBe(
          true,
        );
        // What the wallet scans is the QR code of exactly that link.
        const qr = (await card.locator('.wallet img').getAttribute('src'))!;
        expect(Buffer.from(qr.replace('data:image/svg+xml;base64,', ''), 'base64').toString('latin1')).toBe(await offerQrSvg(offerLink));
        const offerId = /credential-offer%2F([0-9a-f-]{36})/.exec(offerLink)![1];
        const code = (await wallet.mailedCode(offerId)).code;
        const run = await wallet.walletRunFor(offerLink, code, OPEN_BADGE_LDP_VC);
        const received = (run.response.credentialResponse.credentials![0] as { credential: { id: string } }).credential;
        expect(received.id).toBe(`urn:uuid:${credentialId}`);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    120_000,
  );
});
