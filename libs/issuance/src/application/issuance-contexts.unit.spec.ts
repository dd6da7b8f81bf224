import { canonicalizeRdf, UnknownContextError } from '@alliance/credentials';
import { composeCredential } from './compose/compose-credential';
import { contextBaseUrlOf, issuanceDocumentLoader } from './issuance-contexts';
import type { IssuanceSettings } from './issuance-settings';
import { composeInput } from './__fixtures__/compose-input.fixture';

const input = composeInput;
const settings = (publicUrl: () => string, contextBaseUrl?: string): IssuanceSettings => ({
  cryptosuite: 'eddsa-rdfc-2022',
  publicUrl,
  ...(contextBaseUrl ? { contextBaseUrl: () => contextBaseUrl } : {}),
  clock: () => new Date(),
});

describe('the contexts issuance names and reads', () => {
  it('names the extension context under the public URL by default, beside the status lists', () => {
    const doc = composeCredential(input);
    expect(doc['@context']).toEqual([
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      'https://issuance.alliance.example/contexts/microcredential/v2',
    ]);
    expect(JSON.stringify(doc.credentialStatus)).toContain('https://issuance.alliance.example/status-lists/');
  });

  it('names it under CONTEXT_BASE_URL when one is configured; status lists stay under the public URL', () => {
    const doc = composeCredential({ ...input, contextBaseUrl: 'https://contexts.alliance.example/v/' });
    expect((doc['@context'] as string[])[2]).toBe('https://contexts.alliance.example/v/contexts/microcredential/v2');
    expect(JSON.stringify(doc.credentialStatus)).toContain('https://issuance.alliance.example/status-lists/');
    expect(contextBaseUrlOf(settings(() => 'https://issuance.alliance.example', 'https://contexts.alliance.example/v/'))).toBe(
      'https://contexts.alliance.example/v/',
    );
    expect(contextBaseUrlOf(settings(() => 'https://issuance.alliance.example'))).toBe('https://issuance.alliance.example');
  });

  it('signs what it composed with either base, resolving the contexts from the pinned copies', async () => {
    const configured = issuanceDocumentLoader(settings(() => input.publicUrl, 'https://contexts.alliance.example'));
    for (const contextBaseUrl of ['https://contexts.alliance.example', input.publicUrl]) {
      const nquads = await canonicalizeRdf(composeCredential({ ...input, contextBaseUrl }), configured);
      expect(nquads).toContain('<http://data.europa.eu/snb/model/elm/awardingBody> <did:web:b.example>');
    }
  });

  it('learns the public URL once the service listens, and never resolves the path on another host', async () => {
    let listening = 'http://127.0.0.1:0';
    const loader = issuanceDocumentLoader(settings(() => listening));
    await expect(loader('http://127.0.0.1:41234/contexts/microcredential/v2')).rejects.toThrow(UnknownContextError);
    listening = 'http://127.0.0.1:41234';
    await expect(loader('http://127.0.0.1:41234/contexts/microcredential/v2')).resolves.toMatchObject({
      documentUrl: 'http://127.0.0.1:41234/contexts/microcredential/v2',
    });
    await expect(loader('https://attacker.example/contexts/microcredential/v2')).rejects.toThrow(UnknownContextError);
  });
});
