import {
  buildDidWebDocument,
  type ControllerDocument,
  didWebToUrl,
  DidWebResolutionError,
  type ResolvedDidWebDocument,
} from '@alliance/credentials';
import { allianceFixture, fakeWeb, registryOf, STATUS_URL } from '../../__fixtures__/alliance-credential.fixture';
import type { MemberDidDocuments } from '../../ports/member-did-documents.port';
import { CredentialVerifier } from '../credential-verifier';

const NOW = () => new Date('2026-03-01T00:00:00Z');
const CATALOGUE = 'https://credentials.alliance.example';

/** What members publish at their own domains; anything else answers 404. */
class MemberWeb implements MemberDidDocuments {
  readonly documents = new Map<string, ControllerDocument>();
  readonly resolved: string[] = [];
  async resolve(did: string): Promise<ResolvedDidWebDocument> {
    this.resolved.push(did);
    const url = didWebToUrl(did);
    const document = this.documents.get(did);
    if (!document) throw new DidWebResolutionError('HTTP_STATUS', `${url} answered HTTP 404`, url);
    return { did, url, document, resolvedAt: NOW().toISOString() };
  }
}

async function setup() {
  const f = await allianceFixture({ didB: 'did:web:credentials.alliance.example:institutions:inst-b' });
  const web = new MemberWeb();
  const verifier = new CredentialVerifier({
    registry: registryOf(f.A, f.B),
    statusLists: fakeWeb({ [STATUS_URL]: await f.statusList(0) }),
    catalogueUrl: CATALOGUE,
    memberDidDocuments: web,
    clock: NOW,
  });
  const check = async (credential = f.credential) => {
    const report = await verifier.verify(credential);
    return { report, check: report.checks.find((c) => c.id === 'did-documents') };
  };
  return { ...f, web, check };
}

describe('the DID document a member hosts at its own domain', () => {
  it('passes when it still lists the key that signed, and is read only for institution-hosted members', async () => {
    const { A, keyA, web, check } = await setup();
    web.documents.set(A.did, buildDidWebDocument(A.did, [{ id: `${A.did}#key-1`, publicKeyMultibase: keyA.publicKeyMultibase }]));
    const { report, check: did } = await check();
    expect(report).toMatchObject({ verdict: 'valid', warnings: [] });
    expect(did).toMatchObject({ outcome: 'passed', problems: [] });
    expect(report.checks.map((c) => c.id)).toEqual([
      'parse',
      'schema',
      'proofs',
      'co-issuance',
      'registry-keys',
      'did-documents',
      'status',
      'validity-period',
      'annex-i',
    ]);
    expect(web.resolved).toEqual([A.did]);
  });

  it('warns, and still calls the credential valid, when the member has taken the key off its domain', async () => {
    const { A, web, check } = await setup();
    web.documents.set(A.did, buildDidWebDocument(A.did, []));
    const { report, check: did } = await check();
    expect(report.verdict).toBe('valid');
    expect(did).toMatchObject({
      outcome: 'warning',
      problems: [{ code: 'KEY_NOT_IN_DID_DOCUMENT', message: expect.stringContaining(`${A.did}#key-1`) }],
    });
    expect(did!.summary).toMatch(
      /^Aalborg Technical University no longer lists the key that signed this credential .* the signature still counts\.$/,
    );
    expect(report.warnings).toEqual([`did-documents: ${did!.summary}`]);
  });

  it('warns when the method URL now holds another key', async () => {
    const { A, keyB, web, check } = await setup();
    web.documents.set(A.did, buildDidWebDocument(A.did, [{ id: `${A.did}#key-1`, publicKeyMultibase: keyB.publicKeyMultibase }]));
    const { check: did } = await check();
    expect(did).toMatchObject({
      outcome: 'warning',
      problems: [{ code: 'KEY_NOT_IN_DID_DOCUMENT', message: expect.stringContaining('another key') }],
    });
  });

  it('warns, not fails, when the document cannot be read, saying why', async () => {
    const { web, check } = await setup();
    const { report, check: did } = await check();
    expect(report.verdict).toBe('valid');
    expect(did).toMatchObject({
      outcome: 'warning',
      problems: [{ code: 'DID_DOCUMENT_UNREACHABLE', message: expect.stringContaining('HTTP 404') }],
    });
    expect(did!.details).toMatchObject({ documents: [{ outcome: 'unreachable', url: 'https://aau.example/.well-known/did.json' }] });
    expect(web.resolved).toHaveLength(1);
  });

  it('is not looked at for a proof that did not verify', async () => {
    const { web, check, credential } = await setup();
    const { report, check: did } = await check({ ...credential, name: 'Forged title' });
    expect(report.verdict).toBe('invalid');
    expect(did).toBeUndefined();
    expect(web.resolved).toEqual([]);
  });
});
