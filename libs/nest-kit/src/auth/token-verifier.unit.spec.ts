import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { mintToken, TokenVerifier } from './token-verifier';

const CLAIMS = { AUTH_ISSUER: 'https://idp.alliance.example', AUTH_AUDIENCE: 'alliance-api' };

/** An identity provider's JWKS endpoint on loopback, serving the public half of one EdDSA key. */
async function jwksServer(): Promise<{
  url: string;
  sign: (claims: Record<string, unknown>, sub: string) => Promise<string>;
  server: Server;
}> {
  const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  const jwk = { ...(await exportJWK(publicKey)), kid: 'idp-key-1', alg: 'EdDSA', use: 'sig' };
  const server = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  const sign = (claims: Record<string, unknown>, sub: string) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'EdDSA', kid: 'idp-key-1' })
      .setSubject(sub)
      .setIssuer(CLAIMS.AUTH_ISSUER)
      .setAudience(CLAIMS.AUTH_AUDIENCE)
      .setExpirationTime('5m')
      .sign(privateKey);
  return { url, sign, server };
}

describe('bearer token verification', () => {
  describe('against an identity provider JWKS URL', () => {
    let idp: Awaited<ReturnType<typeof jwksServer>>;
    beforeAll(async () => (idp = await jwksServer()));
    afterAll(() => new Promise((r) => idp.server.close(r)));

    it('accepts a token signed by the published key and reads role and institution', async () => {
      const verifier = new TokenVerifier({ ...CLAIMS, AUTH_JWKS_URL: idp.url });
      const token = await idp.sign({ role: 'registrar', institution: 'inst-tuni' }, 'reg@tuni');
      expect(await verifier.verify(token)).toEqual({ subject: 'reg@tuni', role: 'registrar', institution: 'inst-tuni' });
    });

    it('refuses a token signed by another key, for another audience, or without a known role', async () => {
      const verifier = new TokenVerifier({ ...CLAIMS, AUTH_JWKS_URL: idp.url });
      const other = await jwksServer();
      try {
        await expect(verifier.verify(await other.sign({ role: 'auditor' }, 'a'))).rejects.toThrow(/invalid token/);
      } finally {
        other.server.close();
      }
      const wrongAudience = new TokenVerifier({ ...CLAIMS, AUTH_AUDIENCE: 'someone-else', AUTH_JWKS_URL: idp.url });
      await expect(wrongAudience.verify(await idp.sign({ role: 'auditor' }, 'a'))).rejects.toThrow(/invalid token/);
      await expect(verifier.verify(await idp.sign({ role: 'dean' }, 'a'))).rejects.toThrow('token must carry sub and a known role');
    });
  });

  it('with a local key, accepts what mintToken signs and refuses a token from another secret', async () => {
    const settings = { ...CLAIMS, AUTH_JWT_SECRET: 'a-local-development-secret-of-32-chars!' };
    const token = await mintToken({ subject: 'alice', role: 'alliance-admin' }, settings);
    expect(await new TokenVerifier(settings).verify(token)).toEqual({ subject: 'alice', role: 'alliance-admin' });
    await expect(
      new TokenVerifier({ ...settings, AUTH_JWT_SECRET: 'another-development-secret-of-32-chars' }).verify(token),
    ).rejects.toThrow(/invalid token/);
  });

  describe('lifetime', () => {
    const settings = { ...CLAIMS, AUTH_JWT_SECRET: 'a-local-development-secret-of-32-chars!' };
    const key = new TextEncoder().encode(settings.AUTH_JWT_SECRET);
    const unsigned = () =>
      new SignJWT({ role: 'auditor' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('a')
        .setIssuer(CLAIMS.AUTH_ISSUER)
        .setAudience(CLAIMS.AUTH_AUDIENCE);

    it('refuses a token that never expires', async () => {
      await expect(new TokenVerifier(settings).verify(await unsigned().setIssuedAt().sign(key))).rejects.toThrow(
        /invalid token: .*"exp" claim/,
      );
    });

    it('refuses a token valid for longer than the configured lifetime, counted from iat or else from now', async () => {
      const verifier = new TokenVerifier(settings);
      await expect(verifier.verify(await unsigned().setIssuedAt().setExpirationTime('25h').sign(key))).rejects.toThrow(
        /longer than the 86400 s/,
      );
      await expect(verifier.verify(await unsigned().setExpirationTime('30d').sign(key))).rejects.toThrow(/longer than the 86400 s/);
      expect(await verifier.verify(await unsigned().setIssuedAt().setExpirationTime('23h').sign(key))).toEqual({
        subject: 'a',
        role: 'auditor',
      });
      const patient = new TokenVerifier({ ...settings, AUTH_MAX_TOKEN_LIFETIME_SECONDS: 30 * 24 * 3600 });
      expect(await patient.verify(await unsigned().setIssuedAt().setExpirationTime('25h').sign(key))).toEqual({
        subject: 'a',
        role: 'auditor',
      });
    });

    it('mints only tokens the verifier accepts: a lifetime beyond the maximum is refused at once', async () => {
      await expect(mintToken({ subject: 'a', role: 'auditor' }, settings, 2 * 24 * 3600)).rejects.toThrow(RangeError);
      await expect(mintToken({ subject: 'a', role: 'auditor' }, settings, 0)).rejects.toThrow(RangeError);
      const token = await mintToken({ subject: 'a', role: 'auditor' }, { ...settings, AUTH_MAX_TOKEN_LIFETIME_SECONDS: 7200 }, 7200);
      await expect(new TokenVerifier({ ...settings, AUTH_MAX_TOKEN_LIFETIME_SECONDS: 3600 }).verify(token)).rejects.toThrow(
        /longer than the 3600 s/,
      );
    });
  });
});
