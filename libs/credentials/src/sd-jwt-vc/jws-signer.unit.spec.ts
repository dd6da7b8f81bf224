import { joseVerifier } from './__tests__/jose-verifier';
import { keyPair, minimalFacts, readSdJwt } from './__tests__/learning-credential.fixture';
import { issueLearningCredential } from './issue-learning-credential';
import { localSigner } from './jws-signer';

const NOW = new Date('2026-12-01T09:00:00Z');
const holder = keyPair('ES256');

describe('JwsSigner abstraction', () => {
  it('hands a remote signer exactly the JWS signing input and uses its signature', async () => {
    const issuer = keyPair('EdDSA');
    const local = localSigner(issuer.privateJwk);
    const inputs: string[] = [];
    const remote = { alg: 'EdDSA' as const, kid: 'vault:issuer/3', sign: async (data: string) => (inputs.push(data), local.sign(data)) };
    const token = await issueLearningCredential({ facts: minimalFacts(), holderJwk: holder.publicJwk, signer: remote, now: NOW });
    const [h, p] = token.split('~')[0].split('.');
    expect(inputs).toEqual([`${h}.${p}`]);
    expect(readSdJwt(token).header.kid).toBe('vault:issuer/3');
    expect(await joseVerifier(issuer.publicJwk, 'EdDSA')(`${h}.${p}`, token.split('~')[0].split('.')[2])).toBe(true);
  });

  it('omits kid from the header when the signer has none', async () => {
    const token = await issueLearningCredential({
      facts: minimalFacts(),
      holderJwk: holder.publicJwk,
      signer: localSigner(keyPair('ES256').privateJwk),
      now: NOW,
    });
    expect(readSdJwt(token).header).toEqual({ typ: 'dc+sd-jwt', alg: 'ES256' });
  });

  it('localSigner refuses a public JWK and a key neither ES256 nor EdDSA uses', () => {
    expect(() => localSigner(keyPair('ES256').publicJwk)).toThrow(/privateJwk must be a private JWK/);
    const p384 = { kty: 'EC', crv: 'P-384', x: 'x', y: 'y', d: 'd' };
    expect(() => localSigner(p384)).toThrow(/unsupported JWK/);
  });
});
