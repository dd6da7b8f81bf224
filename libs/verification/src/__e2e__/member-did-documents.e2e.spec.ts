import {
  buildDidWebDocument,
  createTestTls,
  type DidWebTestServer,
  startDidWebServer,
  startTrustingDidWebResolver,
  type TestTls,
  type TrustingDidWebResolver,
} from '@alliance/credentials';
import { allianceFixture } from '../application/__fixtures__/alliance-credential.fixture';
import { registration } from './catalogue-messages';
import { eventually, startStatusServer, startVerification, type VerificationApp } from './verification-app';

type Report = {
  verdict: string;
  warnings: string[];
  checks: { id: string; outcome: string; summary: string; problems: { code: string; message: string }[] }[];
};

/**
 * The lead awarding body hosts its did:web at its own domain, played by a local HTTPS server whose certificate
 * a test CA issued; the verifier reads it with the production resolver in a process trusting that CA through
 * NODE_EXTRA_CA_CERTS. The other body is platform-hosted, so its document is never fetched.
 */
describe('POST /verifications: the DID document a member hosts itself', () => {
  let tls: TestTls;
  let web: DidWebTestServer;
  let resolver: TrustingDidWebResolver;
  let status: Awaited<ReturnType<typeof startStatusServer>>;
  let v: VerificationApp;
  let f: Awaited<ReturnType<typeof allianceFixture>>;
  const verify = async (): Promise<Report> => (await v.http().post('/verifications').send(f.credential).expect(200)).body;
  const didCheck = (report: Report) => report.checks.find((c) => c.id === 'did-documents');

  beforeAll(async () => {
    tls = createTestTls();
    web = await startDidWebServer(tls.server);
    resolver = await startTrustingDidWebResolver(tls.caFile);
    status = await startStatusServer();
    f = await allianceFixture({ didA: web.did('uni', 'aau'), didB: 'did:web:credentials.alliance.example:institutions:inst-b' });
    v = await startVerification(
      {
        VERIFICATION_ISSUANCE_PUBLIC_URL: 'https://issuance.alliance.example',
        VERIFICATION_ISSUANCE_INTERNAL_URL: status.url,
        VERIFICATION_CATALOGUE_PUBLIC_URL: 'https://credentials.alliance.example',
      },
      { memberDidDocuments: resolver },
    );
    status.serve('/status-lists/list-1', await f.statusList(0));
    web.publish(buildDidWebDocument(f.A.did, [{ id: `${f.A.did}#key-1`, publicKeyMultibase: f.keyA.publicKeyMultibase }]));
    await v.bus.publish([...registration(f.A), ...registration(f.B)]);
    await eventually(async () => ((await verify()).verdict === 'valid' ? true : undefined));
  }, 60_000);
  afterAll(async () => {
    await v?.close();
    await status?.close();
    await resolver?.close();
    await web?.close();
    tls?.remove();
  });

  it('passes while the member lists the key that signed at its own domain, and reads only that member', async () => {
    const before = web.requests.length;
    const report = await verify();
    expect(report).toMatchObject({ verdict: 'valid', warnings: [] });
    expect(didCheck(report)).toMatchObject({ outcome: 'passed' });
    expect(web.requests.slice(before)).toEqual(['/uni/aau/did.json']);
  });

  it('warns KEY_NOT_IN_DID_DOCUMENT when the member took the key off its domain; the registry still decides validity', async () => {
    web.publish(buildDidWebDocument(f.A.did, [{ id: `${f.A.did}#key-2`, publicKeyMultibase: f.keyB.publicKeyMultibase }]));
    const report = await verify();
    expect(report.verdict).toBe('valid');
    expect(didCheck(report)).toMatchObject({
      outcome: 'warning',
      problems: [{ code: 'KEY_NOT_IN_DID_DOCUMENT', message: expect.stringContaining(`${f.A.did}#key-1`) }],
    });
    expect(report.warnings).toEqual([expect.stringMatching(/^did-documents: Aalborg Technical University no longer lists the key/)]);
  });

  it('warns DID_DOCUMENT_UNREACHABLE when the document is gone', async () => {
    web.withdraw(f.A.did);
    const report = await verify();
    expect(report.verdict).toBe('valid');
    expect(didCheck(report)).toMatchObject({
      outcome: 'warning',
      problems: [{ code: 'DID_DOCUMENT_UNREACHABLE', message: expect.stringContaining('HTTP 404') }],
    });
  });
});

describe('POST /verifications: member DID documents as configured by default', () => {
  it('reads them over HTTPS with the process trust store (the test host allow-listed past the address guard), so a certificate from an unknown CA is a warning, never a pass', async () => {
    const tls = createTestTls();
    const web = await startDidWebServer(tls.server);
    const status = await startStatusServer();
    const f = await allianceFixture({
      suffix: '-default',
      didA: web.did('uni', 'aau'),
      didB: 'did:web:credentials.alliance.example:institutions:inst-b-default',
    });
    const v = await startVerification({
      VERIFICATION_ISSUANCE_PUBLIC_URL: 'https://issuance.alliance.example',
      VERIFICATION_ISSUANCE_INTERNAL_URL: status.url,
      VERIFICATION_CATALOGUE_PUBLIC_URL: 'https://credentials.alliance.example',
      VERIFICATION_CHECK_MEMBER_DID_DOCUMENTS: 'true',
      VERIFICATION_FETCH_ALLOW_HTTP_HOSTS: web.host,
    });
    try {
      status.serve('/status-lists/list-1', await f.statusList(0));
      web.publish(buildDidWebDocument(f.A.did, [{ id: `${f.A.did}#key-1`, publicKeyMultibase: f.keyA.publicKeyMultibase }]));
      await v.bus.publish([...registration(f.A), ...registration(f.B)]);
      const report = await eventually(async () => {
        const r: Report = (await v.http().post('/verifications').send(f.credential).expect(200)).body;
        return r.checks.some((c) => c.id === 'registry-keys' && c.outcome === 'passed') ? r : undefined;
      });
      expect(report.checks.find((c) => c.id === 'did-documents')).toMatchObject({
        outcome: 'warning',
        problems: [{ code: 'DID_DOCUMENT_UNREACHABLE', message: expect.stringContaining('TLS_FAILED') }],
      });
    } finally {
      await v.close();
      await status.close();
      await web.close();
      tls.remove();
    }
  }, 60_000);
});
