import { loadServiceConfig } from '@alliance/service-runtime';
import { contextBaseUrlsOf } from './verification.config';
import { VERIFICATION_SERVICE } from './verification.context';

describe('verification switches from the environment', () => {
  const load = (env: Record<string, string>) => loadServiceConfig(VERIFICATION_SERVICE, env);

  it('are on by default and read "false"/"0" as off, "true"/"1" as on', () => {
    expect(load({})).toMatchObject({ VERIFICATION_CHECK_MEMBER_DID_DOCUMENTS: true, VERIFICATION_RESOLVE_DID_WEB: true });
    expect(load({ VERIFICATION_CHECK_MEMBER_DID_DOCUMENTS: 'false', VERIFICATION_RESOLVE_DID_WEB: '0' })).toMatchObject({
      VERIFICATION_CHECK_MEMBER_DID_DOCUMENTS: false,
      VERIFICATION_RESOLVE_DID_WEB: false,
    });
    expect(load({ VERIFICATION_CHECK_MEMBER_DID_DOCUMENTS: 'TRUE', VERIFICATION_RESOLVE_DID_WEB: '1' })).toMatchObject({
      VERIFICATION_CHECK_MEMBER_DID_DOCUMENTS: true,
      VERIFICATION_RESOLVE_DID_WEB: true,
    });
  });

  it('refuse anything else, naming the variable', () => {
    expect(() => load({ VERIFICATION_CHECK_MEMBER_DID_DOCUMENTS: 'maybe' })).toThrow(/VERIFICATION_CHECK_MEMBER_DID_DOCUMENTS/);
  });
});

describe("where verification reads the platform's own contexts", () => {
  const load = (env: Record<string, string>) => loadServiceConfig(VERIFICATION_SERVICE, env);

  it('is CONTEXT_BASE_URL and the issuance public URL, each once, in one normal form', () => {
    expect(contextBaseUrlsOf(load({}))).toEqual([]);
    expect(contextBaseUrlsOf(load({ VERIFICATION_ISSUANCE_PUBLIC_URL: 'https://issuance.alliance.example/' }))).toEqual([
      'https://issuance.alliance.example',
    ]);
    expect(
      contextBaseUrlsOf(
        load({
          CONTEXT_BASE_URL: 'https://cdn.alliance.example/ctx',
          VERIFICATION_ISSUANCE_PUBLIC_URL: 'https://issuance.alliance.example',
        }),
      ),
    ).toEqual(['https://cdn.alliance.example/ctx', 'https://issuance.alliance.example']);
    expect(
      contextBaseUrlsOf(
        load({
          CONTEXT_BASE_URL: 'https://issuance.alliance.example/',
          VERIFICATION_ISSUANCE_PUBLIC_URL: 'https://issuance.alliance.example',
        }),
      ),
    ).toEqual(['https://issuance.alliance.example']);
  });

  it('refuses a CONTEXT_BASE_URL that is not an absolute http(s) URL, naming the variable', () => {
    expect(() => load({ CONTEXT_BASE_URL: 'issuance.alliance.example' })).toThrow(/CONTEXT_BASE_URL/);
    expect(() => load({ CONTEXT_BASE_URL: 'ftp://issuance.alliance.example' })).toThrow(/CONTEXT_BASE_URL/);
    expect(() => load({ CONTEXT_BASE_URL: 'https://issuance.alliance.example/?v=2' })).toThrow(
      /CONTEXT_BASE_URL must be an http\(s\) URL without credentials, query or fragment/,
    );
  });
});
