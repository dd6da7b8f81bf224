import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { MICROCREDENTIAL_V1_CONTEXT_URL } from './bundled-contexts';
import { createDocumentLoader, UnknownContextError } from './document-loader';
import {
  contextBaseUrlOf,
  InvalidContextBaseUrlError,
  MICROCREDENTIAL_CONTEXT_PATH,
  microcredentialContextUrl,
  SERVED_CONTEXTS,
  servedContextsAt,
} from './served-contexts';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const BASE = 'https://issuance.alliance.example';

describe('the contexts the platform serves', () => {
  it('pins each served file to the digest published for it, and never reuses a path', () => {
    for (const c of SERVED_CONTEXTS)
      expect({ path: c.path, sha256: sha256(readFileSync(c.file)) }).toEqual({ path: c.path, sha256: c.sha256 });
    expect(new Set(SERVED_CONTEXTS.map((c) => c.path)).size).toBe(SERVED_CONTEXTS.length);
    expect(new Set(SERVED_CONTEXTS.map((c) => c.sha256)).size).toBe(SERVED_CONTEXTS.length);
  });

  it('serves version 1 with the same bytes credentials naming its original URL were signed over', async () => {
    const v1 = SERVED_CONTEXTS.find((c) => c.path === 'microcredential/v1')!;
    const original = await createDocumentLoader()(MICROCREDENTIAL_V1_CONTEXT_URL);
    expect(JSON.parse(readFileSync(v1.file, 'utf8'))).toEqual(original.document);
  });

  it('defines no term IRI that depends on where it is served', () => {
    const text = readFileSync(SERVED_CONTEXTS.find((c) => c.path === MICROCREDENTIAL_CONTEXT_PATH)!.file, 'utf8');
    const iris = [...text.matchAll(/"(https?:\/\/[^"]+)"/g)].map((m) => m[1]);
    expect(iris.sort()).toEqual([
      'http://data.europa.eu/snb/model/elm/',
      'https://alliance-credentials.example/ns/microcredential#',
      'https://schema.org/',
    ]);
  });

  it('builds URLs from one normal form of the base', () => {
    expect(microcredentialContextUrl(BASE)).toBe('https://issuance.alliance.example/contexts/microcredential/v2');
    expect(microcredentialContextUrl('https://Issuance.Alliance.example:443/')).toBe(
      'https://issuance.alliance.example/contexts/microcredential/v2',
    );
    expect(microcredentialContextUrl('http://127.0.0.1:3004/alliance/')).toBe('http://127.0.0.1:3004/alliance/contexts/microcredential/v2');
    expect(contextBaseUrlOf('https://issuance.alliance.example//')).toBe('https://issuance.alliance.example');
  });

  it.each([
    'issuance.alliance.example',
    'ftp://issuance.alliance.example',
    'https://issuance.alliance.example/?v=1',
    'https://issuance.alliance.example/#x',
    'https://user:pw@issuance.alliance.example',
  ])('refuses the base %s', (base) => {
    expect(() => contextBaseUrlOf(base)).toThrow(InvalidContextBaseUrlError);
  });
});

describe('a document loader told where the platform serves its contexts', () => {
  const loader = createDocumentLoader({ servedAt: [BASE, 'http://127.0.0.1:3004/'] });

  it('resolves the served URLs under each base from the pinned bytes', async () => {
    for (const base of [BASE, 'http://127.0.0.1:3004']) {
      const doc = await loader(`${base}/contexts/microcredential/v2`);
      expect(doc.documentUrl).toBe(`${base}/contexts/microcredential/v2`);
      expect(JSON.stringify(doc.document)).toContain('http://data.europa.eu/snb/model/elm/');
    }
    expect(servedContextsAt(BASE).map((c) => c.url)).toEqual([
      `${BASE}/contexts/microcredential/v1`,
      `${BASE}/contexts/microcredential/v2`,
    ]);
  });

  it('does not resolve the same path on another host, another port, scheme or prefix: a context URL identifies its content', async () => {
    for (const url of [
      'https://evil.example/contexts/microcredential/v2',
      'https://issuance.alliance.example.evil.example/contexts/microcredential/v2',
      'http://issuance.alliance.example/contexts/microcredential/v2',
      'https://issuance.alliance.example:8443/contexts/microcredential/v2',
      'https://issuance.alliance.example/other/contexts/microcredential/v2',
      'http://127.0.0.1:3005/contexts/microcredential/v2',
      'https://issuance.alliance.example/contexts/microcredential/v3',
    ]) {
      await expect(loader(url)).rejects.toThrow(UnknownContextError);
    }
  });

  it('keeps an unknown context an error, as without served contexts', async () => {
    await expect(loader('https://example.org/unknown-context')).rejects.toThrow(/not bundled .* never fetched from the network/);
    await expect(createDocumentLoader()(`${BASE}/contexts/microcredential/v2`)).rejects.toThrow(UnknownContextError);
  });
});
