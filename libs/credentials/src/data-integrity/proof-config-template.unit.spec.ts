import { MICROCREDENTIAL_V1_CONTEXT_URL, OB_V3_CONTEXT_URL, VC_V2_CONTEXT_URL } from '../jsonld/bundled-contexts';
import { canonicalizeRdf } from '../jsonld/rdf-canonicalize';
import { readVectorJson, readVectorText, TV, vectorLoader } from '../__tests__/vectors';
import { ProofConfigTemplates } from './proof-config-template';
import type { JsonObject } from './types';

const VM = 'did:web:alliance.example:institutions:tu-delft#key-1';
const OB_CONTEXTS = [VC_V2_CONTEXT_URL, OB_V3_CONTEXT_URL, MICROCREDENTIAL_V1_CONTEXT_URL];

function counting() {
  let generic = 0;
  const templates = new ProofConfigTemplates((config, loader) => {
    generic++;
    return canonicalizeRdf(config, loader);
  });
  return { templates, generic: () => generic };
}

function randomInstant(i: number): string {
  const d = new Date(Date.UTC(2020 + (i % 7), i % 12, 1 + (i % 28), i % 24, (i * 7) % 60, (i * 13) % 60, (i * 37) % 1000));
  const iso = d.toISOString();
  // Whole seconds, milliseconds and an explicit offset: each a valid xsd:dateTime as `created` allows.
  return i % 3 === 0 ? iso.replace(/\.\d{3}Z$/, 'Z') : i % 3 === 1 ? iso : iso.replace('Z', '+02:00');
}

describe('proof configuration templates (eddsa-rdfc-2022)', () => {
  it('reproduce the W3C vector proof configuration byte for byte', async () => {
    const { templates } = counting();
    const config = readVectorJson(...TV('eddsa-rdfc-2022', 'proofConfigDataInt.json'));
    expect(await templates.canonicalizeProofConfig(config, vectorLoader)).toBe(
      readVectorText(...TV('eddsa-rdfc-2022', 'proofCanonDataInt.txt')),
    );
  });

  const shapes: Record<string, JsonObject> = {
    'VC 2.0 context only': {
      type: 'DataIntegrityProof',
      cryptosuite: 'eddsa-rdfc-2022',
      verificationMethod: VM,
      proofPurpose: 'assertionMethod',
      '@context': VC_V2_CONTEXT_URL,
    },
    'Open Badges + micro-credential contexts': {
      type: 'DataIntegrityProof',
      cryptosuite: 'eddsa-rdfc-2022',
      verificationMethod: VM,
      proofPurpose: 'assertionMethod',
      '@context': OB_CONTEXTS,
    },
    'with expires and a proof id': {
      id: 'urn:uuid:6a1f0e0c-4b1e-4b53-9a43-3f5c1a2b7d10',
      type: 'DataIntegrityProof',
      cryptosuite: 'eddsa-rdfc-2022',
      verificationMethod: VM,
      proofPurpose: 'assertionMethod',
      expires: '2031-01-01T00:00:00Z',
      '@context': OB_CONTEXTS,
    },
    'in a proof chain (previousProof)': {
      type: 'DataIntegrityProof',
      cryptosuite: 'eddsa-rdfc-2022',
      verificationMethod: VM,
      proofPurpose: 'assertionMethod',
      previousProof: 'urn:uuid:6a1f0e0c-4b1e-4b53-9a43-3f5c1a2b7d10',
      '@context': OB_CONTEXTS,
    },
  };

  it.each(Object.entries(shapes))('give what the generic canonicalization gives for any created, %s', async (_name, shape) => {
    const { templates, generic } = counting();
    for (let i = 0; i < 40; i++) {
      const config = { ...shape, created: randomInstant(i) };
      expect(await templates.canonicalizeProofConfig(config, vectorLoader)).toBe(await canonicalizeRdf(config, vectorLoader));
    }
    // One generic canonicalization made the template; the 40 configurations were filled in.
    expect(generic()).toBe(1);
  });

  it('keep a template per shape: another key or purpose is canonicalized on its own', async () => {
    const { templates, generic } = counting();
    const base = { ...shapes['Open Badges + micro-credential contexts']!, created: '2026-01-01T00:00:00Z' };
    const other = { ...base, verificationMethod: `${VM}-rotated`, proofPurpose: 'authentication' };
    expect(await templates.canonicalizeProofConfig(base, vectorLoader)).toBe(await canonicalizeRdf(base, vectorLoader));
    expect(await templates.canonicalizeProofConfig(other, vectorLoader)).toBe(await canonicalizeRdf(other, vectorLoader));
    expect(generic()).toBe(2);
  });

  it('fall back to the generic path when the sentinel instant is also another value of the configuration', async () => {
    const { templates, generic } = counting();
    const config = { ...shapes['with expires and a proof id']!, expires: '1970-01-01T00:00:00Z', created: '2026-05-05T10:00:00Z' };
    expect(await templates.canonicalizeProofConfig(config, vectorLoader)).toBe(await canonicalizeRdf(config, vectorLoader));
    expect(generic()).toBe(2);
  });

  it('report the same error as the generic path for a configuration with an undefined term', async () => {
    const { templates } = counting();
    const config = { ...shapes['VC 2.0 context only']!, created: '2026-01-01T00:00:00Z', undefinedTerm: 'x' };
    const expected = await canonicalizeRdf(config, vectorLoader).catch((e: Error) => e.message);
    await expect(templates.canonicalizeProofConfig(config, vectorLoader)).rejects.toThrow(expected);
  });
});
