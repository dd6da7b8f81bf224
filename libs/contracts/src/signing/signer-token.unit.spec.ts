import { SIGNER_TOKEN_AUDIENCE } from './signer-protocol';
import { ed25519Sign, generateEd25519KeyPair, privateKeyFromSeed, publicKeyFromBytes } from '@alliance/credentials';
import { decodeProtectedHeader, jwtVerify } from 'jose';
import { signerToken } from './signer-token';

describe("the signer's client token", () => {
  it('is an EdDSA JWT naming its key and institution, addressed to issuance, short-lived, single-use id', async () => {
    const keys = generateEd25519KeyPair();
    const jwt = await signerToken({
      institutionId: 'inst-1',
      verificationMethodId: 'did:web:uni.example#signer-1',
      sign: async (d) => ed25519Sign(d, privateKeyFromSeed(keys.secretKey)),
    });
    expect(decodeProtectedHeader(jwt)).toEqual({ alg: 'EdDSA', typ: 'JWT', kid: 'did:web:uni.example#signer-1' });
    const { payload } = await jwtVerify(jwt, publicKeyFromBytes(keys.publicKey), {
      issuer: 'inst-1',
      subject: 'inst-1',
      audience: SIGNER_TOKEN_AUDIENCE,
      algorithms: ['EdDSA'],
    });
    expect(payload.exp! - payload.iat!).toBe(120);
    expect(payload.jti).toEqual(expect.any(String));
  });

  it('does not verify with another key', async () => {
    const keys = generateEd25519KeyPair();
    const other = generateEd25519KeyPair();
    const jwt = await signerToken({
      institutionId: 'inst-1',
      verificationMethodId: 'k',
      sign: async (d) => ed25519Sign(d, privateKeyFromSeed(keys.secretKey)),
    });
    await expect(jwtVerify(jwt, publicKeyFromBytes(other.publicKey))).rejects.toThrow(/signature/);
  });
});
