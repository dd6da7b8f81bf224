import { serviceBaseUrl } from './service-base-url';

describe('serviceBaseUrl', () => {
  const defaults = { PUBLIC_BASE_URL: 'http://127.0.0.1:3000', HOST: '127.0.0.1', PORT: 3001 };

  it('is the configured public URL when one was set', () => {
    expect(serviceBaseUrl({ ...defaults, PUBLIC_BASE_URL: 'https://credentials.alliance.example' })).toBe(
      'https://credentials.alliance.example',
    );
  });

  it('is where the service listens otherwise, the actual port first, never a wildcard host', () => {
    expect(serviceBaseUrl(defaults)).toBe('http://127.0.0.1:3001');
    expect(serviceBaseUrl({ ...defaults, PORT: 0 }, 41234)).toBe('http://127.0.0.1:41234');
    expect(serviceBaseUrl({ ...defaults, HOST: '0.0.0.0' })).toBe('http://127.0.0.1:3001');
    expect(serviceBaseUrl({ ...defaults, HOST: '::1' })).toBe('http://[::1]:3001');
  });
});
