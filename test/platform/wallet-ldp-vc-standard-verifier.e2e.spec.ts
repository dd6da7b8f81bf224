import { type JsonObject, OPEN_BADGE_LDP_VC, walletRun } from '@alliance/credentials';
import { mintToken } from '@alliance/nest-kit';
import { setGlobalConfig } from '@openid4vc/utils';
import { randomBasePort } from '../support/base-port';
import { type EmbeddedPlatform, startEmbeddedPlatform } from '../support/embedded-platform';
import {
  enrolmentRequest,
  enrolOnceKnown,
  listCredentials,
  type Member,
  recordAllResults,
  setUpJointCredential,
} from '../support/joint-credential';
import { call, DEV_AUTH, eventually, token } from '../support/scenario-http';
import { verifyProofsAsAStandardVerifier } from '../support/standard-credential-verifier';

type Credential = JsonObject & { proof: { verificationMethod: string }[] };

/**
 * The co-signed Open Badges credential as a learner's wallet receives it over OpenID4VCI (`ldp_vc`), checked by a
 * verifier that is not ours: @digitalbazaar/vc resolving the members' did:web documents and the platform's
 * extension context over HTTP. On the platform executable, whose members' DIDs resolve on loopback hosts (the
 * issuance e2e's fixture DIDs do not resolve). Needs `npm run build` first.
 */
describe('the ldp_vc a wallet receives is verified by @digitalbazaar/vc, every proof', () => {
  let p: EmbeddedPlatform;
  let credentialId: string;
  let learnerId: string;

  beforeAll(async () => {
    setGlobalConfig({ allowInsecureUrls: true });
    p = await startEmbeddedPlatform(randomBasePort(8500, 50));
    const admin = await token('alliance-admin');
    const { members, specId } = await setUpJointCredential(p.urls, admin);
    const [lead, partner] = members as [Member, Member];
    const enrolled = await enrolOnceKnown(
      p.urls.enrolment,
      enrolmentRequest({ givenName: 'Grace', familyName: 'Hopper', email: 'grace@example.org' }, specId, lead.id),
      await token('registrar', lead.id),
      p.patience,
    );
    learnerId = enrolled.learnerId;
    await recordAllResults(p.urls.assessment, enrolled.enrolmentId, [lead, partner], p.patience);
    const issued = await eventually(
      async () => (await listCredentials(p.urls.issuance, { learner: learnerId }, admin)).items.find((c) => c.lifecycle === 'issued'),
      'the credential',
      p.patience,
    );
    credentialId = issued.credentialId;
  }, 180_000);
  afterAll(async () => {
    setGlobalConfig({ allowInsecureUrls: false });
    await p?.close();
  }, 30_000);

  it('hands the learner the credential as issued, and the standard verifier verifies the issuer and each co-signer', async () => {
    const learner = await mintToken({ subject: learnerId, role: 'learner' }, DEV_AUTH);
    const offer = await call<{ byValue: string }>(
      'POST',
      `${p.urls.issuance}/credentials/${credentialId}/wallet-offers`,
      { configurationIds: [OPEN_BADGE_LDP_VC], txCode: false },
      learner,
    );
    const run = await walletRun(offer.byValue, undefined, undefined, OPEN_BADGE_LDP_VC);
    const received = (run.response.credentialResponse.credentials![0] as { credential: Credential }).credential;
    expect(received.id).toBe(`urn:uuid:${credentialId}`);
    expect(received.proof).toHaveLength(2);

    const reading = await verifyProofsAsAStandardVerifier(received);
    expect(reading.error).toBeUndefined();
    expect(reading.issuer).toEqual({ verified: true });
    expect(reading.proofs.map((r) => ({ verificationMethod: r.verificationMethod, verified: r.verified, error: r.error }))).toEqual(
      received.proof.map((r) => ({ verificationMethod: r.verificationMethod, verified: true, error: undefined })),
    );

    const altered = structuredClone(received);
    (altered.credentialSubject as { achievement: { name: string } }).achievement.name = 'Another achievement';
    const refused = await verifyProofsAsAStandardVerifier(altered);
    expect([refused.issuer.verified, ...refused.proofs.map((r) => r.verified)]).toEqual([false, false, false]);
  }, 90_000);
});
