import { type AuthenticatedActor, mintToken } from '@alliance/nest-kit';
import { type EmbeddedPlatform, startEmbeddedPlatform } from '../support/embedded-platform';
import { enrolmentRequest, enrolOnceKnown, listCredentials, recordAllResults, setUpJointCredential } from '../support/joint-credential';
import { call, DEV_AUTH, eventually, token } from '../support/scenario-http';
import { randomBasePort } from '../support/base-port';

/**
 * On the built platform, out of the box: a learner shares their credential; the link opens this platform's
 * verification page, which fetches the credential from issuance and finds it valid; once withdrawn, the link opens
 * nothing. The platform's log never holds the link's token. Needs `npm run build` first.
 */
describe("a learner's share link on the embedded platform", () => {
  let p: EmbeddedPlatform;
  let learner: string;
  let credentialId: string;

  beforeAll(async () => {
    p = await startEmbeddedPlatform(randomBasePort(8100, 50), { LOG_LEVEL: 'info' });
    const admin = await token('alliance-admin');
    const joint = await setUpJointCredential(p.urls, admin);
    const registrar = await token('registrar', joint.members[0]!.id);
    const { enrolmentId, learnerId } = await enrolOnceKnown(
      p.urls.enrolment,
      enrolmentRequest({ givenName: 'Grace', familyName: 'Hopper', email: 'grace@share.example' }, joint.specId, joint.members[0]!.id),
      registrar,
      p.patience,
    );
    await recordAllResults(p.urls.assessment, enrolmentId, joint.members, p.patience);
    const issued = await eventually(
      async () => (await listCredentials(p.urls.issuance, { learner: learnerId }, admin)).items.find((c) => c.lifecycle === 'issued'),
      'the credential',
      p.patience,
    );
    credentialId = issued.credentialId;
    learner = await mintToken({ subject: learnerId, role: 'learner' } as AuthenticatedActor, DEV_AUTH);
  }, 120_000);

  afterAll(() => p?.close(), 30_000);

  it('opens the verification page, which fetches the credential from issuance and finds it valid, until withdrawn', async () => {
    const made = await call<{ shareId: string; url: string }>('POST', `${p.urls.issuance}/credentials/${credentialId}/shares`, {}, learner);
    const link = new URL(made.url);
    expect(`${link.origin}${link.pathname}`).toBe(`${p.urls.verification}/verify`);
    const shareToken = link.searchParams.get('share')!;

    const page = await fetch(made.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<textarea id="credential"');
    const shared = await call<Record<string, unknown>>('GET', `${p.urls.verification}/verify/shared/${shareToken}`);
    expect(shared['id']).toBeDefined();
    const report = await call<{ verdict: string }>('POST', `${p.urls.verification}/verifications`, shared);
    expect(report.verdict).toBe('valid');

    await call('DELETE', `${p.urls.issuance}/credentials/${credentialId}/shares/${made.shareId}`, undefined, learner);
    const gone = await fetch(`${p.urls.verification}/verify/shared/${shareToken}`);
    expect(gone.status).toBe(404);
    expect(((await gone.json()) as { detail: string }).detail).toContain('expired or the learner withdrew it');

    expect(p.output()).toContain('/shared-credentials/***');
    expect(p.output()).not.toContain(shareToken);
  }, 60_000);
});
