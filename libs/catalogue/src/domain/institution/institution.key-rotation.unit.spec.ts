import { challenged, decide, ID, ownAdmin, spec, T1, withFirstKey } from '../__fixtures__/institution-history.fixture';
import { proofFor } from '../__fixtures__/key-possession.fixture';
import { rejected } from '../__fixtures__/rejected';
import type { RotateSigningKey } from './institution.commands';

describe('institution keys: rotation', () => {
  it('rotates a current key to one proven with its own challenge: the old one ends when the new one starts', () => {
    const { history } = withFirstKey();
    const { issued, keyPair } = challenged('key-2', T1);
    const [rotated] = decide(
      [...history, issued],
      {
        type: 'RotateSigningKey',
        institutionId: ID,
        previousKeyId: 'key-1',
        newKey: { publicKeyMultibase: keyPair.publicKeyMultibase },
        proofOfPossession: proofFor(issued, keyPair),
        reason: 'yearly',
      },
      ownAdmin(T1),
    );
    expect(rotated).toMatchObject({
      type: 'SigningKeyRotated',
      data: {
        previousKeyId: 'key-1',
        previousValidUntil: T1.toISOString(),
        reason: 'yearly',
        newKey: { keyId: 'key-2', validFrom: T1.toISOString(), possession: { challenge: { keyId: 'key-2' } } },
      },
    });
  });

  it('refuses a rotation whose new key is not proven, of a key no longer current, or of an unknown key', () => {
    const { history, keyPair: current } = withFirstKey();
    const { issued, keyPair } = challenged('key-2', T1);
    const rotate = (previousKeyId: string, signer = keyPair): RotateSigningKey => ({
      type: 'RotateSigningKey',
      institutionId: ID,
      previousKeyId,
      newKey: { publicKeyMultibase: keyPair.publicKeyMultibase },
      proofOfPossession: proofFor(issued, signer),
    });
    spec
      .given([...history, issued])
      .when(rotate('key-1', current), ownAdmin(T1))
      .thenThrows(rejected('key.possession-signature-invalid', 422, 'proofOfPossession.signature'));
    const rotated = [...history, issued, ...decide([...history, issued], rotate('key-1'), ownAdmin(T1))];
    const { issued: next } = challenged('key-3', T1);
    spec
      .given([...rotated, next])
      .when({ ...rotate('key-1'), proofOfPossession: proofFor(next, keyPair) }, ownAdmin(T1))
      .thenThrows(rejected('key.not-current', 409));
    spec
      .given([...history, issued])
      .when(rotate('nope'), ownAdmin(T1))
      .thenThrows(rejected('signing-key-not-found', 404));
  });
});
