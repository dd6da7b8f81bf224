import { generateEd25519KeyPair, type KeyPossessionChallenge, keyPossessionSigningInput, verifyKeyPossession } from '@alliance/credentials';
import { CatalogueCallError } from './catalogue-target';
import { registerInstitutionKey } from './register-institution-key';

const CHALLENGE: KeyPossessionChallenge = {
  type: 'alliance-key-possession',
  institutionId: 'inst-1',
  keyId: 'key-1',
  nonce: 'n'.repeat(43),
  expiresAt: '2099-01-01T00:00:00.000Z',
};

/** A catalogue stand-in with the supertest shape: answers a challenge, then echoes the key it is sent. */
function fakeCatalogue(keyStatus = 201) {
  const calls: { path: string; authorization: string; body: Record<string, unknown> }[] = [];
  const target = () => ({
    post: (path: string) => ({
      set: (_name: string, authorization: string) => ({
        send: async (body: object) => {
          calls.push({ path, authorization, body: body as Record<string, unknown> });
          const answer = path.endsWith('/key-challenges')
            ? {
                status: 201,
                body: { challenge: CHALLENGE, signingInput: Buffer.from(keyPossessionSigningInput(CHALLENGE)).toString('base64url') },
              }
            : {
                status: keyStatus,
                body: keyStatus === 201 ? { keyId: 'key-1', state: 'active' } : { code: 'catalogue.key.not-own-institution' },
              };
          return { ...answer, text: JSON.stringify(answer.body) };
        },
      }),
    }),
  });
  return { target, calls };
}

describe('registerInstitutionKey', () => {
  it('asks for a challenge as the institution-admin, signs it with the key, and posts the key with that proof', async () => {
    const { target, calls } = fakeCatalogue();
    const keyPair = generateEd25519KeyPair();
    const key = await registerInstitutionKey({
      catalogue: target,
      institutionId: 'inst-1',
      token: 'jwt',
      keyId: 'key-1',
      keyPair,
      custody: 'issuance-service',
    });
    expect(key).toEqual({ keyId: 'key-1', state: 'active' });
    expect(calls.map((c) => [c.path, c.authorization])).toEqual([
      ['/institutions/inst-1/key-challenges', 'Bearer jwt'],
      ['/institutions/inst-1/keys', 'Bearer jwt'],
    ]);
    const posted = calls[1].body as {
      keyId: string;
      custody: string;
      publicKeyMultibase: string;
      proofOfPossession: { nonce: string; signature: string };
    };
    expect(posted).toMatchObject({
      keyId: 'key-1',
      custody: 'issuance-service',
      publicKeyMultibase: keyPair.publicKeyMultibase,
      proofOfPossession: { nonce: CHALLENGE.nonce },
    });
    expect(verifyKeyPossession(CHALLENGE, posted.proofOfPossession.signature, keyPair.publicKeyMultibase)).toBe(true);
  });

  it('lets whoever holds the key answer the challenge, and reports a refusal with its status and problem', async () => {
    const { target, calls } = fakeCatalogue(403);
    const held = { publicKeyMultibase: 'z6Mkheld', proofOfPossession: { nonce: CHALLENGE.nonce, signature: 's' } };
    const asked: KeyPossessionChallenge[] = [];
    const refused = registerInstitutionKey({
      catalogue: target,
      institutionId: 'inst-1',
      token: 'Bearer jwt',
      keyId: 'key-1',
      prove: async (c) => (asked.push(c), held),
    });
    await expect(refused).rejects.toEqual(expect.any(CatalogueCallError));
    await expect(refused).rejects.toMatchObject({ status: 403, body: { code: 'catalogue.key.not-own-institution' } });
    expect(asked).toEqual([CHALLENGE]);
    expect(calls[1].body).toMatchObject({ publicKeyMultibase: 'z6Mkheld', proofOfPossession: held.proofOfPossession });
  });
});
