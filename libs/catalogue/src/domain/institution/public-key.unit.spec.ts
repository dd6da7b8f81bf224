import { parseEd25519PublicKey } from './public-key';

describe('reading a public key from a request', () => {
  it.each([null, 'z6Mk', 42, [1]])('refuses a publicKeyJwk that is not a JWK object (%p) naming the field, never throws', (jwk) => {
    expect(parseEd25519PublicKey({ publicKeyJwk: jwk as never }, 'key')).toMatchObject({
      field: 'key.publicKeyJwk',
      rule: 'key.not-ed25519',
    });
  });
});
