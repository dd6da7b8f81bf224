import { didHostingOf, signingCustodyOf } from './did-hosting';

describe("how an awarding body's DID is hosted", () => {
  const id = '0190f5a0-0000-7000-8000-00000000000b';

  it('is platform-hosted when the did:web resolves under the catalogue, the way the catalogue builds it', () => {
    expect(
      didHostingOf(`did:web:credentials.alliance.example:institutions:${id}`, { catalogueUrl: 'https://credentials.alliance.example' }),
    ).toBe('platform-hosted did:web');
    expect(
      didHostingOf(`did:web:alliance.example%3A8443:catalogue:institutions:${id}`, {
        catalogueUrl: 'https://Alliance.example:8443/catalogue/',
      }),
    ).toBe('platform-hosted did:web');
    expect(didHostingOf(`did:web:127.0.0.1%3a3001:institutions:${id}`, { catalogueUrl: 'http://127.0.0.1:3001' })).toBe(
      'platform-hosted did:web',
    );
  });

  it('is institution-hosted at any other host or path', () => {
    expect(didHostingOf('did:web:www.aau.dk', { catalogueUrl: 'https://credentials.alliance.example', institutionId: id })).toBe(
      'institution-hosted did:web',
    );
    expect(
      didHostingOf(`did:web:credentials.alliance.example:issuers:${id}`, { catalogueUrl: 'https://credentials.alliance.example' }),
    ).toBe('institution-hosted did:web');
    expect(
      didHostingOf(`did:web:credentials.alliance.example:institutions:${id}:more`, {
        catalogueUrl: 'https://credentials.alliance.example',
      }),
    ).toBe('institution-hosted did:web');
    expect(didHostingOf('did:web:evil.example:institutions:x', { catalogueUrl: 'https://credentials.alliance.example' })).toBe(
      'institution-hosted did:web',
    );
  });

  it("takes a member's did:web ending in :institutions:<its registry id> for a platform-hosted one when the catalogue URL is not configured", () => {
    expect(didHostingOf(`did:web:127.0.0.1%3A3001:institutions:${id}`, { institutionId: id })).toBe('platform-hosted did:web');
    expect(didHostingOf(`did:web:uni.example:institutions:other`, { institutionId: id })).toBe('institution-hosted did:web');
  });

  it('names did:key and other methods, and a bare web address', () => {
    expect(didHostingOf('did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK')).toBe('did:key');
    expect(didHostingOf('did:jwk:eyJrdHkiOiJPS1AifQ')).toBe('did:jwk');
    expect(didHostingOf('https://vc.example/issuers/5678')).toBe('web address (no DID)');
  });

  it("says how a member signed from its key's custody", () => {
    expect(signingCustodyOf('institution')).toBe('own key');
    expect(signingCustodyOf('issuance-service')).toBe('delegated to the platform');
    expect(signingCustodyOf(undefined)).toBe('key custody not recorded');
  });
});
