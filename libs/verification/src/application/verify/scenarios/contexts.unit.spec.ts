import {
  createDocumentLoader,
  type JsonObject,
  MICROCREDENTIAL_V1_CONTEXT_URL,
  SERVED_CONTEXTS,
  signCredential,
} from '@alliance/credentials';
import { allianceFixture, CONTEXT_BASE_URL, fakeWeb, registryOf, STATUS_URL } from '../../__fixtures__/alliance-credential.fixture';
import { CredentialVerifier } from '../credential-verifier';

const NOW = () => new Date('2026-03-01T00:00:00Z');
const check = (report: Awaited<ReturnType<CredentialVerifier['verify']>>, id: string) => report.checks.find((c) => c.id === id)!;

/** The fixture's credential with its extension context swapped, signed by both members (eddsa-rdfc-2022) with `signWith`. */
async function namingContext(extensionContext: string, signWith = createDocumentLoader({ servedAt: [CONTEXT_BASE_URL] })) {
  const f = await allianceFixture({ cryptosuite: 'eddsa-rdfc-2022' });
  const contexts = [...(f.unsigned['@context'] as string[])];
  contexts[2] = extensionContext;
  const signers = [
    {
      verificationMethod: `${f.A.did}#key-1`,
      privateKey: f.keyA.secretKey,
      cryptosuite: 'eddsa-rdfc-2022' as const,
      created: '2026-01-10T10:00:01Z',
    },
    {
      verificationMethod: `${f.B.did}#key-1`,
      privateKey: f.keyB.secretKey,
      cryptosuite: 'eddsa-rdfc-2022' as const,
      created: '2026-01-10T10:00:02Z',
    },
  ];
  const credential = (await signCredential({ ...f.unsigned, '@context': contexts }, signers, { documentLoader: signWith })) as JsonObject;
  const list = await f.statusList(0);
  const verifier = (contextBaseUrls?: string[]) =>
    new CredentialVerifier({
      registry: registryOf(f.A, f.B),
      statusLists: fakeWeb({ [STATUS_URL]: list }),
      clock: NOW,
      ...(contextBaseUrls ? { contextBaseUrls } : {}),
    });
  return { ...f, credential, verifier };
}

describe('the JSON-LD contexts the verifier holds', () => {
  it("reads the platform's extension context at the base it is configured with, from its pinned copy", async () => {
    const f = await allianceFixture({ cryptosuite: 'eddsa-rdfc-2022' });
    expect((f.credential['@context'] as string[])[2]).toBe(`${CONTEXT_BASE_URL}/contexts/microcredential/v2`);
    const configured = new CredentialVerifier({
      registry: registryOf(f.A, f.B),
      statusLists: fakeWeb({ [STATUS_URL]: await f.statusList(0) }),
      clock: NOW,
      contextBaseUrls: [CONTEXT_BASE_URL],
    });
    const report = await configured.verify(f.credential);
    expect(check(report, 'proofs').outcome).toBe('passed');
    expect(report.verdict).toBe('valid');
  });

  it('knows no served context when not told where the platform serves them: could not check, never forged', async () => {
    const f = await allianceFixture({ cryptosuite: 'eddsa-rdfc-2022' });
    const unconfigured = new CredentialVerifier({
      registry: registryOf(f.A, f.B),
      statusLists: fakeWeb({ [STATUS_URL]: await f.statusList(0) }),
      clock: NOW,
    });
    const proofs = check(await unconfigured.verify(f.credential), 'proofs');
    expect(proofs.outcome).toBe('could-not-check');
    expect(proofs.problems.map((p) => p.code)).toEqual(['UNKNOWN_CONTEXT', 'UNKNOWN_CONTEXT']);
  });

  it('does not read our path on a foreign host from the bundle, though its signer resolved it to our bytes', async () => {
    const foreign = 'https://contexts.attacker.example/contexts/microcredential/v2';
    const { credential, verifier } = await namingContext(
      foreign,
      createDocumentLoader({ servedAt: ['https://contexts.attacker.example'] }),
    );
    const proofs = check(await verifier([CONTEXT_BASE_URL]).verify(credential), 'proofs');
    expect(proofs.outcome).toBe('could-not-check');
    expect(proofs.problems).toEqual([
      expect.objectContaining({ code: 'UNKNOWN_CONTEXT', message: expect.stringContaining(foreign) }),
      expect.objectContaining({ code: 'UNKNOWN_CONTEXT', message: expect.stringContaining(foreign) }),
    ]);
  });

  it('keeps a context it was never given an unknown context', async () => {
    // Whoever signed resolved this URL to some bytes; the verifier holds none for it.
    const unknown = 'https://example.org/contexts/unknown/v1';
    const v2 = SERVED_CONTEXTS.find((c) => c.path === 'microcredential/v2')!;
    const { credential, verifier } = await namingContext(
      unknown,
      createDocumentLoader({ extraContexts: [{ url: unknown, sha256: v2.sha256, file: v2.file }] }),
    );
    const proofs = check(await verifier([CONTEXT_BASE_URL]).verify(credential), 'proofs');
    expect(proofs.outcome).toBe('could-not-check');
    expect(proofs.problems.map((p) => [p.code, p.message.includes(unknown)])).toEqual([
      ['UNKNOWN_CONTEXT', true],
      ['UNKNOWN_CONTEXT', true],
    ]);
  });

  it("still verifies a credential issued with the first version's original URL, from its bundled copy", async () => {
    const { credential, verifier } = await namingContext(MICROCREDENTIAL_V1_CONTEXT_URL);
    const report = await verifier([CONTEXT_BASE_URL]).verify(credential);
    expect(check(report, 'proofs').outcome).toBe('passed');
    expect(report.verdict).toBe('valid');
  });
});
