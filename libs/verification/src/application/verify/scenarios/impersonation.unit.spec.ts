import { generateEd25519KeyPair, type JsonObject, signCredential, didKeyVerificationMethodOf } from '@alliance/credentials';
import { allianceFixture, fakeWeb, registryOf, STATUS_URL } from '../../__fixtures__/alliance-credential.fixture';
import type { RegisteredInstitution } from '../../../domain/registry/registered-institution';
import { CredentialVerifier } from '../credential-verifier';

const NOW = () => new Date('2026-03-01T00:00:00Z');
const address = (country: string) => ({ type: ['Address'], addressCountryCode: country });

/** The fixture's members as the registry publishes them, with the homepages and legal names they registered. */
async function alliance() {
  const f = await allianceFixture();
  const A = { ...f.A, name: 'Aalborg University', legalName: 'Aalborg Universitet', homepage: 'https://www.aau.dk/' };
  const B = { ...f.B, homepage: 'https://www.tuhh.de' };
  const verifier = new CredentialVerifier({
    registry: registryOf(A, B),
    statusLists: fakeWeb({ [STATUS_URL]: await f.statusList(0) }),
    clock: NOW,
  });
  return { ...f, A, B, verifier };
}

const registryKeys = (report: Awaited<ReturnType<CredentialVerifier['verify']>>) => report.checks.find((c) => c.id === 'registry-keys')!;

/**
 * Verifies a credential a throw-away did:key signed as the issuer `profile` describes (given that key's DID and
 * the registered members), and expects it refused as an IMPERSONATION.
 */
async function impersonation(profile: (did: string, members: { A: RegisteredInstitution; B: RegisteredInstitution }) => JsonObject) {
  const { outsider, verifier, A, B } = await alliance();
  const { credential, did } = await outsider((id) => profile(id, { A, B }));
  const report = await verifier.verify(credential);
  expect(report).toMatchObject({ verdict: 'invalid', failure: { check: 'registry-keys', code: 'IMPERSONATION' } });
  return { A, B, did, report, reason: report.failure!.reason };
}

describe('a credential claiming to be an alliance member it is not', () => {
  it("an https issuer id with a member's name and homepage, signed by a throw-away did:key: invalid, IMPERSONATION naming the member", async () => {
    const { A, report, reason } = await impersonation(() => ({
      id: 'https://www.aau.dk',
      name: 'Aalborg University',
      address: address('DK'),
    }));
    expect(reason).toContain(`the alliance member Aalborg University`);
    expect(reason).toContain(A.did);
    // Issuer, awarding body and creator are one profile here: its claim is reported once.
    expect(registryKeys(report).details).toMatchObject({
      impersonates: [
        {
          claimedBy: 'issuer',
          claimedById: 'https://www.aau.dk',
          by: 'name',
          member: { institutionId: A.institutionId, name: 'Aalborg University', did: A.did },
        },
      ],
    });
  });

  it("a did:key issuer calling itself a member, with the member's address: invalid, IMPERSONATION naming the member", async () => {
    const { B, did, report, reason } = await impersonation((id) => ({
      id,
      name: 'Hamburg University of Technology',
      url: 'https://tuhh.de/',
      address: address('DE'),
    }));
    expect(reason).toContain(`issuer (${did}) claims the name of the alliance member Hamburg University of Technology`);
    expect(reason).toContain(B.did);
    // Its signature is intact: what makes it invalid is who it says it is.
    expect(report.checks.find((c) => c.id === 'proofs')!.outcome).toBe('passed');
  });

  it("a member's legal name, written differently: invalid, IMPERSONATION by legal name", async () => {
    const { A, reason } = await impersonation((id) => ({ id, name: '  AALBORG   universitet ', address: address('DK') }));
    expect(reason).toContain(`the legal name of the alliance member Aalborg University`);
    expect(reason).toContain(A.did);
  });

  it("only a member's homepage, under another name (http, no www, a path): invalid, IMPERSONATION by homepage", async () => {
    const { A, reason } = await impersonation((id) => ({
      id,
      name: 'Nordic Institute of Engineering',
      url: 'http://AAU.dk./en/education',
      address: address('DK'),
    }));
    expect(reason).toContain(`the homepage of the alliance member Aalborg University`);
    expect(reason).toContain(A.did);
  });

  it("a member's DID given as another identifier: invalid, IMPERSONATION by identifier", async () => {
    const { reason } = await impersonation((id, { B }) => ({
      id,
      name: 'Nordic Institute of Engineering',
      otherIdentifier: [{ type: 'IdentifierEntry', identifier: B.did, identifierType: 'systemId' }],
      address: address('DE'),
    }));
    expect(reason).toContain(`an identifier of the alliance member Hamburg University of Technology`);
  });

  it("an awarding body beside a genuine member issuer, claiming another member's name: invalid, IMPERSONATION", async () => {
    const { unsigned, keyA, A, B, verifier } = await alliance();
    const rogue = generateEd25519KeyPair();
    const rogueDid = `did:key:${rogue.publicKeyMultibase}`;
    const doc = structuredClone(unsigned) as JsonObject;
    const achievement = (doc.credentialSubject as JsonObject).achievement as JsonObject;
    achievement.awardingBody = [
      (achievement.awardingBody as JsonObject[])[0],
      { id: rogueDid, type: ['Profile'], name: 'Hamburg University of Technology', address: address('DE') },
    ];
    const signed = await signCredential(doc, [
      { verificationMethod: `${A.did}#key-1`, privateKey: keyA.secretKey, cryptosuite: 'eddsa-jcs-2022' },
      {
        verificationMethod: didKeyVerificationMethodOf(rogue.publicKeyMultibase),
        privateKey: rogue.secretKey,
        cryptosuite: 'eddsa-jcs-2022',
      },
    ]);
    const report = await verifier.verify(signed);
    expect(report).toMatchObject({ verdict: 'invalid', failure: { check: 'registry-keys', code: 'IMPERSONATION' } });
    expect(report.failure!.reason).toContain(`awardingBody[1] (${rogueDid})`);
    expect(report.failure!.reason).toContain(B.did);
  });

  it('a genuine member giving its own homepage and legal name is no impersonation', async () => {
    const { unsigned, keyA, keyB, A, B, verifier } = await alliance();
    const doc = structuredClone(unsigned) as JsonObject;
    doc.issuer = { ...(doc.issuer as JsonObject), name: 'Aalborg Universitet', url: 'https://www.aau.dk' };
    const signed = await signCredential(doc, [
      { verificationMethod: `${A.did}#key-1`, privateKey: keyA.secretKey, cryptosuite: 'eddsa-jcs-2022' },
      { verificationMethod: `${B.did}#key-1`, privateKey: keyB.secretKey, cryptosuite: 'eddsa-jcs-2022' },
    ]);
    const report = await verifier.verify(signed);
    expect(report.failure).toBeUndefined();
    expect(report.verdict).toBe('valid');
  });
});

describe('a genuine credential from outside the alliance', () => {
  it('is unverified-issuer: signatures intact, issuer not in the registry; neither valid nor invalid', async () => {
    const { outsider, verifier } = await alliance();
    const { credential, did } = await outsider((id) => ({
      id,
      name: 'Outside College',
      url: 'https://outside-college.example',
      address: address('FR'),
    }));
    const report = await verifier.verify(credential);
    expect(report.verdict).toBe('unverified-issuer');
    expect(report.failure).toBeUndefined();
    expect(report.outsideRegistry).toEqual([`Outside College (${did})`]);
    expect(report.checks.find((c) => c.id === 'proofs')!.outcome).toBe('passed');
    expect(registryKeys(report)).toMatchObject({ outcome: 'not-applicable', problems: [{ code: 'ISSUER_NOT_IN_REGISTRY' }] });
    expect(report.credential!.awardingBodies).toEqual([
      expect.objectContaining({ did, name: 'Outside College', registered: false, signed: true }),
    ]);
  });
});
