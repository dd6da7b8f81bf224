import { buildDidWebDocument } from '@alliance/credentials';
import {
  perSuite,
  postVerification,
  startMemberDomain,
  startTrustedMemberDomain,
  startWithStatusLists,
  untilValid,
} from './alliance-verification';
import { eventually } from './verification-app';

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
  const member = perSuite(async () => {
    const domain = await startTrustedMemberDomain();
    const { web } = domain;
    const started = await startWithStatusLists({
      env: { VERIFICATION_CATALOGUE_PUBLIC_URL: 'https://credentials.alliance.example' },
      fixture: { didA: web.did('uni', 'aau'), didB: 'did:web:credentials.alliance.example:institutions:inst-b' },
      memberDidDocuments: domain.resolver,
      beside: domain,
    });
    const { A, keyA, credential } = started.f;
    web.publish(buildDidWebDocument(A.did, [{ id: `${A.did}#key-1`, publicKeyMultibase: keyA.publicKeyMultibase }]));
    await untilValid(started.v, credential);
    return { ...started, web };
  });
  const verify = (): Promise<Report> => postVerification(member.v, member.f.credential);
  const didCheck = (report: Report) => report.checks.find((c) => c.id === 'did-documents');

  it('passes while the member lists the key that signed at its own domain, and reads only that member', async () => {
    const before = member.web.requests.length;
    const report = await verify();
    expect(report).toMatchObject({ verdict: 'valid', warnings: [] });
    expect(didCheck(report)).toMatchObject({ outcome: 'passed' });
    expect(member.web.requests.slice(before)).toEqual(['/uni/aau/did.json']);
  });

  it('warns KEY_NOT_IN_DID_DOCUMENT when the member took the key off its domain; the registry still decides validity', async () => {
    member.web.publish(
      buildDidWebDocument(member.f.A.did, [{ id: `${member.f.A.did}#key-2`, publicKeyMultibase: member.f.keyB.publicKeyMultibase }]),
    );
    const report = await verify();
    expect(report.verdict).toBe('valid');
    expect(didCheck(report)).toMatchObject({
      outcome: 'warning',
      problems: [{ code: 'KEY_NOT_IN_DID_DOCUMENT', message: expect.stringContaining(`${member.f.A.did}#key-1`) }],
    });
    expect(report.warnings).toEqual([expect.stringMatching(/^did-documents: Aalborg Technical University no longer lists the key/)]);
  });

  it('warns DID_DOCUMENT_UNREACHABLE when the document is gone', async () => {
    member.web.withdraw(member.f.A.did);
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
    const domain = await startMemberDomain();
    const { v, f, close } = await startWithStatusLists({
      env: {
        VERIFICATION_CATALOGUE_PUBLIC_URL: 'https://credentials.alliance.example',
        VERIFICATION_CHECK_MEMBER_DID_DOCUMENTS: 'true',
        VERIFICATION_FETCH_ALLOW_HTTP_HOSTS: domain.web.host,
      },
      fixture: {
        suffix: '-default',
        didA: domain.web.did('uni', 'aau'),
        didB: 'did:web:credentials.alliance.example:institutions:inst-b-default',
      },
      beside: domain,
    });
    try {
      domain.web.publish(buildDidWebDocument(f.A.did, [{ id: `${f.A.did}#key-1`, publicKeyMultibase: f.keyA.publicKeyMultibase }]));
      const report = await eventually(async () => {
        const r = await postVerification<Report>(v, f.credential);
        return r.checks.some((c) => c.id === 'registry-keys' && c.outcome === 'passed') ? r : undefined;
      });
      expect(report.checks.find((c) => c.id === 'did-documents')).toMatchObject({
        outcome: 'warning',
        problems: [{ code: 'DID_DOCUMENT_UNREACHABLE', message: expect.stringContaining('TLS_FAILED') }],
      });
    } finally {
      await close();
    }
  }, 60_000);
});
