import { randomBytes } from 'node:crypto';
import { getGlobalConfig, setGlobalConfig } from '@openid4vc/utils';
import { WalletProtocol } from './wallet-protocol';

const protocolAt = (issuerUrl: string) =>
  new WalletProtocol({ issuerUrl: () => issuerUrl, accessTokenSeed: randomBytes(32), nonceSecret: randomBytes(32) });

describe("issuance's OpenID4VCI protocol layer", () => {
  const before = getGlobalConfig();
  afterEach(() => setGlobalConfig(before));

  it('is built for an https public URL, its endpoints under it', () => {
    setGlobalConfig({ ...before, allowInsecureUrls: false });
    const { credentialIssuerMetadata } = protocolAt('https://issuance.alliance.example').protocol;
    expect(credentialIssuerMetadata.credential_issuer).toBe('https://issuance.alliance.example');
    expect(credentialIssuerMetadata.credential_endpoint).toBe('https://issuance.alliance.example/credential');
  });

  it("accepts plain http only on a developer's machine (a loopback host)", () => {
    setGlobalConfig({ ...before, allowInsecureUrls: false });
    expect(protocolAt('http://127.0.0.1:3004').protocol.credentialIssuerMetadata.credential_issuer).toBe('http://127.0.0.1:3004');
    setGlobalConfig({ ...before, allowInsecureUrls: false });
    expect(() => protocolAt('http://issuance.internal:3004').protocol).toThrow(
      expect.objectContaining({ code: 'issuance.wallet.public-url-not-https', status: 503 }),
    );
  });
});
