import { generateEd25519KeyPair, signKeyPossession } from '@alliance/credentials';
import {
  addWithProof,
  challenged,
  decide,
  ID,
  ownAdmin,
  registered,
  spec,
  T0,
  T1,
  withFirstKey,
} from '../__fixtures__/institution-history.fixture';
import { proofFor } from '../__fixtures__/key-possession.fixture';
import { rejected } from '../__fixtures__/rejected';
import type { InstitutionCommand } from './institution.commands';
import { challengeOf } from './key-challenges';

const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describe('institution keys: registering with proof of possession', () => {
  it('adds the first key with its proof, and activates the pending member with it', () => {
    const { issued, keyPair } = challenged('key-1', T1);
    const proof = proofFor(issued, keyPair);
    const [added, activated] = decide(
      [...registered(), issued],
      addWithProof(issued, keyPair, { custody: 'issuance-service' }),
      ownAdmin(T1),
    );
    expect(added).toMatchObject({
      type: 'SigningKeyAdded',
      data: {
        institutionId: ID,
        key: {
          keyId: 'key-1',
          verificationMethodId: 'did:web:www.aau.dk#key-1',
          publicKeyMultibase: keyPair.publicKeyMultibase,
          custody: 'issuance-service',
          validFrom: T1.toISOString(),
          possession: { challenge: challengeOf(ID, issued.data), signature: proof.signature },
        },
      },
    });
    expect(activated).toEqual({ type: 'InstitutionActivated', data: { institutionId: ID, activatedAt: T1.toISOString() } });
    spec
      .given([...registered(), issued])
      .when(addWithProof(issued, keyPair), ownAdmin(T1))
      .thenState((s) =>
        expect(s).toMatchObject({
          status: 'active',
          statusHistory: [
            { status: 'pending', from: T0.toISOString() },
            { status: 'active', from: T1.toISOString() },
          ],
        }),
      );
  });

  it('activates only once: a further key of an active member is just added', () => {
    const { history } = withFirstKey();
    const { issued, keyPair } = challenged('key-2');
    const events = decide([...history, issued], addWithProof(issued, keyPair));
    expect(events.map((e) => e.type)).toEqual(['SigningKeyAdded']);
  });

  it('takes the keyId from the challenge, and refuses a key that is not the one the challenge names', () => {
    const { issued, keyPair } = challenged('aau-2026');
    spec
      .given([...registered(), issued])
      .when(addWithProof(issued, keyPair), ownAdmin())
      .thenState((s) => expect(s?.keys[0].keyId).toBe('aau-2026'));
    spec
      .given([...registered(), issued])
      .when(addWithProof(issued, keyPair, { keyId: 'other' }), ownAdmin())
      .thenThrows(rejected('key.possession-wrong-key', 422, 'proofOfPossession.nonce'));
  });

  it('refuses a nonce this institution never issued, and a signature over a challenge naming another institution', () => {
    const { issued, keyPair } = challenged('key-1');
    spec
      .given(registered())
      .when(addWithProof(issued, keyPair), ownAdmin())
      .thenThrows(rejected('key.possession-unknown-nonce', 422, 'proofOfPossession.nonce'));
    const forAnother = signKeyPossession(challengeOf('another-institution', issued.data), keyPair.secretKey);
    spec
      .given([...registered(), issued])
      .when({ ...addWithProof(issued, keyPair), proofOfPossession: forAnother }, ownAdmin())
      .thenThrows(rejected('key.possession-signature-invalid', 422, 'proofOfPossession.signature'));
  });

  it('refuses an expired challenge', () => {
    const { issued, keyPair } = challenged('key-1');
    spec
      .given([...registered(), issued])
      .when(addWithProof(issued, keyPair), ownAdmin(later(10)))
      .thenThrows(rejected('key.possession-challenge-expired', 422, 'proofOfPossession.nonce'));
  });

  it('refuses a nonce already used', () => {
    const { issued, keyPair } = challenged('key-1');
    const given = [...registered(), issued];
    const used = [...given, ...decide(given, addWithProof(issued, keyPair))];
    spec
      .given(used)
      .when(addWithProof(issued, generateEd25519KeyPair(), { keyId: 'key-2' }), ownAdmin())
      .thenThrows(rejected('key.possession-nonce-used', 409, 'proofOfPossession.nonce'));
  });

  it('refuses a signature by another key, a signature over another challenge, and no signature at all', () => {
    const { issued, keyPair } = challenged('key-1');
    const given = [...registered(), issued];
    const byOther = { ...addWithProof(issued, keyPair), proofOfPossession: proofFor(issued, generateEd25519KeyPair()) };
    spec
      .given(given)
      .when(byOther, ownAdmin())
      .thenThrows(rejected('key.possession-signature-invalid', 422, 'proofOfPossession.signature'));
    const other = challenged('key-1').issued;
    const overOther = {
      ...addWithProof(issued, keyPair),
      proofOfPossession: { nonce: issued.data.nonce, signature: proofFor(other, keyPair).signature },
    };
    spec
      .given([...given, other])
      .when(overOther, ownAdmin())
      .thenThrows(rejected('key.possession-signature-invalid', 422, 'proofOfPossession.signature'));
    const unsigned = { ...addWithProof(issued, keyPair), proofOfPossession: { nonce: issued.data.nonce, signature: '' } };
    spec
      .given(given)
      .when(unsigned, ownAdmin())
      .thenThrows(rejected('key.possession-required', 422, 'proofOfPossession.signature'));
  });

  it('still refuses keys that are not Ed25519, private key material, repeated keys, and backdating, naming the field', () => {
    const { issued, keyPair } = challenged('key-2');
    const { history, key } = withFirstKey();
    const given = [...history, issued];
    const add = (k: Record<string, unknown>): InstitutionCommand => ({ ...addWithProof(issued, keyPair), key: k }) as InstitutionCommand;
    spec
      .given(given)
      .when(add({ publicKeyMultibase: 'zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme' }), ownAdmin())
      .thenThrows(rejected('key.not-ed25519', 422, 'key.publicKeyMultibase'));
    spec
      .given(given)
      .when(add({ publicKeyJwk: { ...key.publicKeyJwk, d: 'secret' } }), ownAdmin())
      .thenThrows(rejected('key.private-key-refused', 422, 'key.publicKeyJwk.d'));
    spec
      .given(given)
      .when(add({ publicKeyMultibase: key.publicKeyMultibase }), ownAdmin())
      .thenThrows(rejected('key.already-registered', 409));
    spec
      .given(given)
      .when(add({ publicKeyMultibase: keyPair.publicKeyMultibase, validFrom: '2025-01-01T00:00:00Z' }), ownAdmin())
      .thenThrows(rejected('key.backdated', 422, 'key.validFrom'));
  });
});
