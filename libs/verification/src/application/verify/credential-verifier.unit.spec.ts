import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import {
  createDocumentLoader,
  generateEd25519KeyPair,
  type JsonObject,
  signCredential,
  didKeyVerificationMethodOf,
} from '@alliance/credentials';
import { allianceFixture, CONTEXT_BASE_URL, fakeWeb, registryOf, STATUS_URL } from '../__fixtures__/alliance-credential.fixture';
import { CredentialVerifier } from './credential-verifier';

const NOW = () => new Date('2026-03-01T00:00:00Z');
const outcome = (report: Awaited<ReturnType<CredentialVerifier['verify']>>) =>
  Object.fromEntries(report.checks.map((c) => [c.id, c.outcome]));

async function setup(options: Parameters<typeof allianceFixture>[0] = {}, status = 0) {
  const f = await allianceFixture(options);
  const list = await f.statusList(status);
  const verifier = new CredentialVerifier({
    registry: registryOf(f.A, f.B),
    statusLists: fakeWeb({ [STATUS_URL]: list }),
    contextBaseUrls: [CONTEXT_BASE_URL],
    clock: NOW,
  });
  return { ...f, verifier };
}

describe.each(['eddsa-jcs-2022', 'eddsa-rdfc-2022'] as const)('verifying a co-issued credential (%s)', (cryptosuite) => {
  it("is valid when every check passes, and says who awarded it in the registry's words", async () => {
    const { verifier, credential } = await setup({ cryptosuite });
    const report = await verifier.verify(credential);
    expect(report.failure).toBeUndefined();
    expect(report.verdict).toBe('valid');
    expect(outcome(report)).toEqual({
      parse: 'passed',
      schema: 'passed',
      proofs: 'passed',
      'co-issuance': 'passed',
      'registry-keys': 'passed',
      status: 'passed',
      'validity-period': 'passed',
      'annex-i': 'passed',
    });
    expect(report.credential).toMatchObject({
      title: 'Sustainable Energy Systems',
      learner: 'Ada Lovelace',
      awardingBodies: [
        { did: 'did:web:aau.example', name: 'Aalborg Technical University', countryCode: 'DK', registered: true, signed: true, lead: true },
        { did: 'did:web:tuhh.example', name: 'Hamburg University of Technology', registered: true, signed: true, lead: false },
      ],
    });
  });

  it('fails when any field is tampered with', async () => {
    const { verifier, credential } = await setup({ cryptosuite });
    const subject = credential.credentialSubject as JsonObject;
    for (const tampered of [
      { ...credential, name: 'Quantum Physics' },
      { ...credential, validFrom: '2026-01-09T10:00:00Z' },
      { ...credential, credentialSubject: { ...subject, creditsEarned: 60 } },
      { ...credential, credentialSubject: { ...subject, result: [{ type: ['Result'], value: '10' }] } },
    ]) {
      const report = await verifier.verify(tampered);
      expect(report).toMatchObject({ verdict: 'invalid', failure: { check: 'proofs', code: 'INVALID_SIGNATURE' } });
    }
  });
});

describe('how each awarding body is hosted and signed', () => {
  it('says platform-hosted did:web and delegated signing for a member the platform hosts and signs for, institution-hosted and own key for the other', async () => {
    const f = await allianceFixture({
      didB: 'did:web:credentials.alliance.example:institutions:inst-b',
      custody: { A: 'institution', B: 'issuance-service' },
    });
    const verifier = new CredentialVerifier({
      registry: registryOf(f.A, f.B),
      statusLists: fakeWeb({ [STATUS_URL]: await f.statusList(0) }),
      catalogueUrl: 'https://credentials.alliance.example',
      clock: NOW,
    });
    const report = await verifier.verify(f.credential);
    expect(report.verdict).toBe('valid');
    expect(report.credential?.awardingBodies).toEqual([
      expect.objectContaining({ did: 'did:web:aau.example', didHosting: 'institution-hosted did:web', signing: 'own key' }),
      expect.objectContaining({
        did: 'did:web:credentials.alliance.example:institutions:inst-b',
        didHosting: 'platform-hosted did:web',
        signing: 'delegated to the platform',
      }),
    ]);
  });

  it("says when a member's key custody was not recorded, and claims nothing for a body that did not sign", async () => {
    const f = await allianceFixture();
    const verifier = new CredentialVerifier({
      registry: registryOf(f.A, f.B),
      statusLists: fakeWeb({ [STATUS_URL]: await f.statusList(0) }),
      clock: NOW,
    });
    const report = await verifier.verify({ ...f.credential, proof: [(f.credential.proof as JsonObject[])[0]] });
    expect(report.credential?.awardingBodies[0]).toMatchObject({ signing: 'key custody not recorded' });
    expect(report.credential?.awardingBodies[1]).not.toHaveProperty('signing');
  });

  it('fails a credential signed by a key compromised before it took effect, and keeps one the issuance log recorded before', async () => {
    const f = await allianceFixture();
    const B = {
      ...f.B,
      keys: [
        {
          ...f.B.keys[0],
          validUntil: '2026-03-01T00:00:00.000Z',
          revokedAt: '2026-03-01T00:00:00.000Z',
          revocationReason: 'breach',
          compromisedSince: '2026-02-01T00:00:00.000Z',
        },
      ],
    };
    const logged = new Map<string, string>();
    const verifier = new CredentialVerifier({
      registry: registryOf(f.A, B),
      statusLists: fakeWeb({ [STATUS_URL]: await f.statusList(0) }),
      clock: NOW,
      issuedAt: async (id, hash) => logged.get(`${id}|${hash}`),
    });
    expect(await verifier.verify(f.credential)).toMatchObject({ verdict: 'invalid', failure: { code: 'KEY_COMPROMISED_UNPROVEN' } });
    logged.set(
      `${String(f.credential.id)}|${createHash('sha256').update(canonicalize(f.credential)!, 'utf8').digest('hex')}`,
      '2026-01-10T10:00:05.000Z',
    );
    expect((await verifier.verify(f.credential)).verdict).toBe('valid');
    const { credential: late } = await f.issue('2026-02-10T10:00:00Z');
    expect(await verifier.verify(late)).toMatchObject({ verdict: 'invalid', failure: { check: 'registry-keys', code: 'KEY_COMPROMISED' } });
  });
});

describe('verification failures and their reasons', () => {
  it("fails when one awarding body's proof is removed", async () => {
    const { verifier, credential } = await setup();
    const report = await verifier.verify({ ...credential, proof: [(credential.proof as JsonObject[])[0]] });
    expect(report).toMatchObject({ verdict: 'invalid', failure: { check: 'co-issuance', code: 'MISSING_REQUIRED_SIGNER' } });
    expect(report.failure!.reason).toContain('Hamburg University of Technology');
  });

  it('fails a signature by a key used outside its registered validity', async () => {
    const { verifier, credential } = await setup({ keyWindowB: { validFrom: '2026-02-01T00:00:00.000Z' } });
    const report = await verifier.verify(credential);
    expect(report).toMatchObject({ verdict: 'invalid', failure: { check: 'registry-keys', code: 'KEY_NOT_VALID_AT_VALID_FROM' } });
  });

  it.each([
    [2, 'REVOKED', 'revoked'],
    [1, 'SUSPENDED', 'suspended'],
  ])('fails a credential whose status is %i (%s)', async (status, code, word) => {
    const { verifier, credential } = await setup({}, status);
    const report = await verifier.verify(credential);
    expect(report).toMatchObject({ verdict: 'invalid', failure: { check: 'status', code } });
    expect(report.checks.find((c) => c.id === 'status')!.summary).toContain(word);
  });

  it('never says "not revoked" when the status list cannot be read', async () => {
    const f = await allianceFixture();
    const verifier = new CredentialVerifier({ registry: registryOf(f.A, f.B), statusLists: fakeWeb({}), clock: NOW });
    const report = await verifier.verify(f.credential);
    expect(report.verdict).toBe('indeterminate');
    expect(report.checks.find((c) => c.id === 'status')).toMatchObject({
      outcome: 'could-not-check',
      problems: [{ code: 'STATUS_RETRIEVAL_ERROR' }],
    });
  });

  it('does not trust a status list signed by someone else', async () => {
    const f = await allianceFixture();
    const intruder = generateEd25519KeyPair();
    const list = await f.statusList(0);
    const forged = await signCredential({ ...list, proof: undefined, issuer: `did:key:${intruder.publicKeyMultibase}` } as JsonObject, [
      {
        verificationMethod: didKeyVerificationMethodOf(intruder.publicKeyMultibase),
        privateKey: intruder.secretKey,
        cryptosuite: 'eddsa-jcs-2022',
      },
    ]);
    const verifier = new CredentialVerifier({ registry: registryOf(f.A, f.B), statusLists: fakeWeb({ [STATUS_URL]: forged }), clock: NOW });
    const status = (await verifier.verify(f.credential)).checks.find((c) => c.id === 'status');
    expect(status).toMatchObject({ outcome: 'could-not-check', problems: [{ code: 'STATUS_VERIFICATION_ERROR' }] });
  });

  it('fails an expired credential, and one not yet valid', async () => {
    const { verifier, credential } = await setup();
    const late = new CredentialVerifier({
      registry: registryOf(),
      statusLists: fakeWeb({}),
      clock: () => new Date('2020-01-01T00:00:00Z'),
    });
    expect((await late.verify(credential)).checks.find((c) => c.id === 'validity-period')).toMatchObject({
      outcome: 'failed',
      problems: [{ code: 'CREDENTIAL_NOT_YET_VALID' }],
    });
    void verifier;
  });

  it('rejects what is not a credential, naming the problem', async () => {
    const { verifier } = await setup();
    expect(await verifier.verify('hello')).toMatchObject({ verdict: 'invalid', failure: { check: 'parse' } });
    expect(await verifier.verify({ foo: 1 })).toMatchObject({ verdict: 'invalid', failure: { check: 'parse', code: 'PARSING_ERROR' } });
  });

  it('verifies a credential from outside the alliance (did:key): signatures intact, issuer not in the registry, never valid', async () => {
    const { unsigned } = await allianceFixture();
    const key = generateEd25519KeyPair();
    const did = `did:key:${key.publicKeyMultibase}`;
    const outside = {
      ...unsigned,
      issuer: { id: did, type: ['Profile'], name: 'Outside College', address: { type: ['Address'], addressCountryCode: 'FR' } },
    } as JsonObject;
    delete outside.credentialStatus;
    const subject = outside.credentialSubject as JsonObject;
    outside.credentialSubject = { ...subject, achievement: { ...(subject.achievement as JsonObject), awardingBody: [outside.issuer] } };
    const signed = await signCredential(
      outside,
      [
        {
          verificationMethod: didKeyVerificationMethodOf(key.publicKeyMultibase),
          privateKey: key.secretKey,
          cryptosuite: 'eddsa-rdfc-2022',
        },
      ],
      {
        documentLoader: createDocumentLoader({ servedAt: [CONTEXT_BASE_URL] }),
      },
    );
    const report = await new CredentialVerifier({
      registry: registryOf(),
      statusLists: fakeWeb({}),
      contextBaseUrls: [CONTEXT_BASE_URL],
      clock: NOW,
    }).verify(signed);
    expect(report.verdict).toBe('unverified-issuer');
    expect(report.outsideRegistry).toEqual([`Outside College (${did})`]);
    expect(outcome(report)).toMatchObject({
      proofs: 'passed',
      'co-issuance': 'passed',
      'registry-keys': 'not-applicable',
      status: 'not-applicable',
    });
    expect(report.warnings.join(' ')).toContain('alliance key registry does not apply');
  });
});
