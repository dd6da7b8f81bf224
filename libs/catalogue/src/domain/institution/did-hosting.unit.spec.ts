import { didHostingOf } from './did-hosting';
import { platformDidWeb } from './institution.rules';

describe('didHostingOf', () => {
  const catalogue = 'https://credentials.alliance.example';

  it('calls the did:web the catalogue gives a member platform-hosted, also under a base path or a port', () => {
    expect(didHostingOf(platformDidWeb(catalogue, 'inst-1'), 'inst-1', catalogue)).toBe('platform-hosted');
    expect(
      didHostingOf(platformDidWeb('https://alliance.example:8443/registry', 'inst-1'), 'inst-1', 'https://alliance.example:8443/registry'),
    ).toBe('platform-hosted');
    expect(didHostingOf('did:web:127.0.0.1%3a3001:institutions:inst-2', 'inst-1', 'http://127.0.0.1:3001')).toBe('platform-hosted');
  });

  it("keeps a member's platform DID platform-hosted after the catalogue's public URL changed", () => {
    expect(didHostingOf('did:web:old-catalogue.example:institutions:inst-1', 'inst-1', catalogue)).toBe('platform-hosted');
  });

  it("calls every DID at the institution's own domain institution-hosted", () => {
    expect(didHostingOf('did:web:www.aau.dk', 'inst-1', catalogue)).toBe('institution-hosted');
    expect(didHostingOf('did:web:www.aau.dk:institutions:aau', 'inst-1', catalogue)).toBe('institution-hosted');
    expect(didHostingOf('did:web:credentials.alliance.example:institutions:inst-2:more', 'inst-1', catalogue)).toBe('institution-hosted');
    expect(didHostingOf('did:web:credentials.alliance.example', 'inst-1', catalogue)).toBe('institution-hosted');
  });
});
