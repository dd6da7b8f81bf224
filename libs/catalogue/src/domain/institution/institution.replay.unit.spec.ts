import { generateEd25519KeyPair, signKeyPossession } from '@alliance/credentials';
import {
  challenged,
  decide,
  ID,
  legacyRegistered,
  ownAdmin,
  registered,
  stateAfter,
  T1,
  withFirstKey,
} from '../__fixtures__/institution-history.fixture';
import { freshPublicKey } from '../__fixtures__/keys.fixture';
import { freshNonce, proofFor } from '../__fixtures__/key-possession.fixture';
import type { InstitutionEvent, SigningKeyAdded, SigningKeyRecord, SigningKeyRotated } from './institution.events';
import { challengeOf } from './key-challenges';

/** The same history with the key of its SigningKeyAdded rewritten, as someone with write access to the store might. */
function tampered(history: InstitutionEvent[], change: (key: SigningKeyRecord) => SigningKeyRecord): InstitutionEvent[] {
  return history.map((e) =>
    e.type === 'SigningKeyAdded' ? ({ ...e, data: { ...e.data, key: change(e.data.key) } } as SigningKeyAdded) : e,
  );
}

describe('institution replay: a key binds only while its stored possession verifies', () => {
  it('binds the key of an untouched history', () => {
    const { history, key } = withFirstKey();
    expect(stateAfter(history)).toMatchObject({ keys: [key], rejectedKeys: [] });
  });

  it('does not bind a key whose stored signature was altered, and shows it as rejected', () => {
    const { history } = withFirstKey();
    const altered = tampered(history, (k) => ({
      ...k,
      possession: { ...k.possession!, signature: k.possession!.signature.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) },
    }));
    const state = stateAfter(altered)!;
    expect(state.keys).toEqual([]);
    expect(state.rejectedKeys).toEqual([
      expect.objectContaining({ problem: 'signature-invalid', key: expect.objectContaining({ keyId: 'key-1' }) }),
    ]);
  });

  it("does not bind another public key slipped under a genuine key's proof", () => {
    const { history } = withFirstKey();
    const swapped = tampered(history, (k) => ({ ...k, ...freshPublicKey() }));
    expect(stateAfter(swapped)).toMatchObject({ keys: [], rejectedKeys: [{ problem: 'signature-invalid' }] });
  });

  it('does not bind a key proven over a challenge this stream never issued, however well signed', () => {
    const { history } = withFirstKey();
    const forger = generateEd25519KeyPair();
    const forged = challengeOf(ID, { keyId: 'key-1', nonce: freshNonce(), expiresAt: '2099-01-01T00:00:00.000Z' });
    const replaced = tampered(history, (k) => ({
      ...k,
      publicKeyMultibase: forger.publicKeyMultibase,
      possession: { challenge: forged, signature: signKeyPossession(forged, forger.secretKey).signature },
    }));
    expect(stateAfter(replaced)).toMatchObject({ keys: [], rejectedKeys: [{ problem: 'unknown-nonce' }] });
  });

  it('does not bind a second key appended with a nonce already used', () => {
    const { history } = withFirstKey();
    const added = history.find((e): e is SigningKeyAdded => e.type === 'SigningKeyAdded')!;
    const second: SigningKeyAdded = { ...added, data: { ...added.data, key: { ...added.data.key, keyId: 'key-2' } } };
    const state = stateAfter([...history, second])!;
    expect(state.keys.map((k) => k.keyId)).toEqual(['key-1']);
    expect(state.rejectedKeys.map((r) => r.problem)).toEqual(['nonce-used']);
  });

  it('closes the old key of a rotation even when the successor does not bind', () => {
    const { history } = withFirstKey();
    const { issued, keyPair } = challenged('key-2', T1);
    const given = [...history, issued];
    const rotation = decide(
      given,
      {
        type: 'RotateSigningKey',
        institutionId: ID,
        previousKeyId: 'key-1',
        newKey: { publicKeyMultibase: keyPair.publicKeyMultibase },
        proofOfPossession: proofFor(issued, keyPair),
      },
      ownAdmin(T1),
    )[0] as SigningKeyRotated;
    const altered: SigningKeyRotated = {
      ...rotation,
      data: { ...rotation.data, newKey: { ...rotation.data.newKey, ...freshPublicKey() } },
    };
    const state = stateAfter([...given, altered])!;
    expect(state.keys).toEqual([expect.objectContaining({ keyId: 'key-1', validUntil: T1.toISOString() })]);
    expect(state.rejectedKeys).toEqual([expect.objectContaining({ problem: 'signature-invalid' })]);
  });

  it('keeps binding keys written before proofs existed (legacy, no possession)', () => {
    const legacyKey: SigningKeyAdded = {
      type: 'SigningKeyAdded',
      data: { institutionId: ID, key: { ...withFirstKey().key, possession: undefined } },
    };
    delete legacyKey.data.key.possession;
    expect(stateAfter([...legacyRegistered(), legacyKey])).toMatchObject({
      status: 'active',
      keys: [{ keyId: 'key-1' }],
      rejectedKeys: [],
    });
    expect(stateAfter([...registered(), legacyKey])!.keys).toHaveLength(1);
  });
});
