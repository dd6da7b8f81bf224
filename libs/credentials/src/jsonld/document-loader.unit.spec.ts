import { readFileSync } from 'node:fs';
import { readVectorJson, TV } from '../__tests__/vectors';
import { BUNDLED_CONTEXTS, OB_V3_CONTEXT_URL, STATUS_LIST_V1_CONTEXT_URL, VC_V2_CONTEXT_URL } from './bundled-contexts';
import { ContextIntegrityError, createDocumentLoader, defaultDocumentLoader, UnknownContextError } from './document-loader';
import { canonicalizeRdf } from './rdf-canonicalize';

const vcV2 = BUNDLED_CONTEXTS.find((c) => c.url === VC_V2_CONTEXT_URL)!;

describe('offline document loader', () => {
  it('serves every bundled context, each matching its pinned digest', async () => {
    const loader = createDocumentLoader();
    for (const c of BUNDLED_CONTEXTS) {
      const doc = await loader(c.url);
      expect(doc.documentUrl).toBe(c.url);
      expect(doc.document).toHaveProperty('@context');
    }
  });

  it('pins the digests the W3C Recommendations print for the VC 2.0 and Bitstring Status List contexts', () => {
    const digest = (url: string) => BUNDLED_CONTEXTS.find((c) => c.url === url)!.sha256;
    expect(digest(VC_V2_CONTEXT_URL)).toBe('59955ced6697d61e03f2b2556febe5308ab16842846f5b586d7f1f7adec92734');
    expect(digest(STATUS_LIST_V1_CONTEXT_URL)).toBe('fda5add353231e6a6884a46b12e6c75464281900cb348284d9c360f62381d9f7');
    expect(BUNDLED_CONTEXTS.map((c) => c.url)).toContain(OB_V3_CONTEXT_URL);
  });

  it('throws a clear error for a URL that is not bundled, instead of fetching it', async () => {
    await expect(defaultDocumentLoader()('https://example.org/unknown-context')).rejects.toThrow(UnknownContextError);
    await expect(defaultDocumentLoader()('https://example.org/unknown-context')).rejects.toThrow(
      /not bundled .* never fetched from the network/,
    );
  });

  it('rejects a bundled context whose bytes differ from the pinned digest', async () => {
    const original = readFileSync(vcV2.file!, 'utf8');
    const tampered = original.replace('"https://schema.org/name"', '"https://evil.example/name"');
    const loader = createDocumentLoader({ contexts: [{ url: VC_V2_CONTEXT_URL, sha256: vcV2.sha256, content: tampered }] });
    await expect(loader(VC_V2_CONTEXT_URL)).rejects.toThrow(ContextIntegrityError);
  });

  it('keeps resolved contexts per loader, so a tampered copy is caught even after the genuine one was used', async () => {
    const unsigned = readVectorJson(...TV('unsigned.json'));
    const { credentialSubject: _dropped, ...rest } = unsigned;
    const credential = { ...rest, '@context': [VC_V2_CONTEXT_URL], type: ['VerifiableCredential'] };
    await expect(canonicalizeRdf(credential)).resolves.toContain('https://schema.org/name');
    const tampered = readFileSync(vcV2.file!, 'utf8').replace('"https://schema.org/name"', '"https://evil.example/name"');
    const loader = createDocumentLoader({ contexts: [{ url: VC_V2_CONTEXT_URL, sha256: vcV2.sha256, content: tampered }] });
    await expect(canonicalizeRdf(credential, loader)).rejects.toThrow(ContextIntegrityError);
  });

  it('surfaces the loader error from canonicalization of a document with an unknown context', async () => {
    const doc = readVectorJson(...TV('unsigned.json'));
    await expect(canonicalizeRdf(doc)).rejects.toThrow(UnknownContextError);
  });
});
