import { generateEd25519KeyPair } from './ed25519';
import { announcedKeyProblem, type KeyPossessionChallenge, signKeyPossession, verifyKeyPossession } from './key-possession';

describe('proof of key possession', () => {
  const holder = generateEd25519KeyPair();
  const challenge = (over: Partial<KeyPossessionChallenge> = {}): KeyPossessionChallenge => ({
    type: 'alliance-key-possession',
    institutionId: 'uni-a',
    keyId: 'key-1',
    nonce: 'n-1',
    expiresAt: '2030-01-01T00:00:00.000Z',
    ...over,
  });
  const announced = (c: KeyPossessionChallenge, signer = holder) => ({
    keyId: 'key-1',
    publicKeyMultibase: holder.publicKeyMultibase,
    possession: { challenge: c, signature: signKeyPossession(c, signer.secretKeyMultibase).signature },
  });

  it('verifies a signature over the challenge with the key, and nothing else', () => {
    const proof = signKeyPossession(challenge(), holder.secretKeyMultibase);
    expect(verifyKeyPossession(challenge(), proof.signature, holder.publicKeyMultibase)).toBe(true);
    expect(verifyKeyPossession(challenge({ nonce: 'n-2' }), proof.signature, holder.publicKeyMultibase)).toBe(false);
    expect(verifyKeyPossession(challenge(), 'not-a-signature', holder.publicKeyMultibase)).toBe(false);
  });

  it('binds an announced key whose proof answers this member and key, or one announced before proofs existed', () => {
    expect(announcedKeyProblem('uni-a', announced(challenge()))).toBeUndefined();
    expect(announcedKeyProblem('uni-a', { keyId: 'key-1', publicKeyMultibase: holder.publicKeyMultibase })).toBeUndefined();
  });

  it('says why it does not bind a key proven for another member or key, or signed by another key', () => {
    expect(announcedKeyProblem('uni-a', announced(challenge({ institutionId: 'uni-b' })))).toBe(
      'its proof of possession answers a challenge for institution uni-b',
    );
    expect(announcedKeyProblem('uni-a', announced(challenge({ keyId: 'key-2' })))).toBe(
      'its proof of possession answers a challenge for key key-2',
    );
    expect(announcedKeyProblem('uni-a', announced(challenge(), generateEd25519KeyPair()))).toBe(
      'its proof of possession does not verify with the key',
    );
  });
});
