import { keyPair, minimalFacts, readSdJwt } from './__tests__/learning-credential.fixture';
import { issueLearningCredential } from './issue-learning-credential';
import { localSigner } from './jws-signer';
import { buildJwtVcIssuerMetadata, jwtVcIssuerMetadataUrl } from './jwt-vc-issuer-metadata';
import { verifyLearningCredential } from './verify-learning-credential';

describe('jwtVcIssuerMetadataUrl', () => {
  it.each([
    ['https://issuer.alliance.example', 'https://issuer.alliance.example/.well-known/jwt-vc-issuer'],
    ['https://issuer.alliance.example/', 'https://issuer.alliance.example/.well-known/jwt-vc-issuer'],
    ['https://issuer.alliance.example/tenant/1234', 'https://issuer.alliance.example/.well-known/jwt-vc-issuer/tenant/1234'],
    ['https://issuer.alliance.example:8443/unit-a/', 'https://issuer.alliance.example:8443/.well-known/jwt-vc-issuer/unit-a'],
  ])('%s -> %s', (issuer, url) => expect(jwtVcIssuerMetadataUrl(issuer)).toBe(url));

  it('refuses an issuer that is not https or carries a query', () => {
    expect(() => jwtVcIssuerMetadataUrl('http://issuer.alliance.example')).toThrow(/^issuer must be an https URL/);
    expect(() => jwtVcIssuerMetadataUrl('http://10.0.0.1:3004')).toThrow(/^issuer must be an https URL/);
    // A platform on a developer's machine is plain http on a loopback host.
    expect(jwtVcIssuerMetadataUrl('http://127.0.0.1:3004/institutions/uni-a')).toBe(
      'http://127.0.0.1:3004/.well-known/jwt-vc-issuer/institutions/uni-a',
    );
    expect(jwtVcIssuerMetadataUrl('http://localhost:3004')).toBe('http://localhost:3004/.well-known/jwt-vc-issuer');
    expect(() => jwtVcIssuerMetadataUrl('https://issuer.alliance.example/?a=1')).toThrow(/^issuer must be an https URL/);
  });
});

describe('buildJwtVcIssuerMetadata', () => {
  const es = keyPair('ES256', 'es-1');
  const ed = keyPair('EdDSA', 'ed-1');

  it('lists the public keys under jwks.keys with the issuer identifier', () => {
    expect(buildJwtVcIssuerMetadata('https://issuer.alliance.example', [es.publicJwk, ed.publicJwk])).toEqual({
      issuer: 'https://issuer.alliance.example',
      jwks: { keys: [es.publicJwk, ed.publicJwk] },
    });
  });

  it('refuses private keys, keys without kid, repeated kids and an empty key list', () => {
    const issuer = 'https://issuer.alliance.example';
    expect(() => buildJwtVcIssuerMetadata(issuer, [es.privateJwk])).toThrow(/^keys\[0\] must be a public JWK.* d/);
    expect(() => buildJwtVcIssuerMetadata(issuer, [es.publicJwk, keyPair('EdDSA').publicJwk])).toThrow(/^keys\[1\] needs a kid/);
    expect(() => buildJwtVcIssuerMetadata(issuer, [es.publicJwk, { ...ed.publicJwk, kid: 'es-1' }])).toThrow(/^keys\[1\] repeats kid/);
    expect(() => buildJwtVcIssuerMetadata(issuer, [])).toThrow(TypeError);
  });

  it('lets a verifier resolve the issuer key by the credential header kid and verify', async () => {
    const facts = { ...minimalFacts(), iss: 'https://issuer.alliance.example/unit-a' };
    const metadata = buildJwtVcIssuerMetadata(facts.iss, [es.publicJwk, ed.publicJwk]);
    const now = new Date('2026-12-01T09:00:00Z');
    const token = await issueLearningCredential({ facts, holderJwk: keyPair('ES256').publicJwk, signer: localSigner(ed.privateJwk), now });
    const { header, payload } = readSdJwt(token);
    expect(payload.iss).toBe(metadata.issuer);
    const key = metadata.jwks.keys.find((k) => k.kid === header.kid);
    expect(key).toEqual(ed.publicJwk);
    await expect(verifyLearningCredential(token, { issuerJwk: key!, now })).resolves.toEqual(expect.objectContaining({ header }));
  });
});
