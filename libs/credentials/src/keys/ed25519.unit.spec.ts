import { base58btcDecode, base58btcEncode } from '../encoding/base58btc';
import { encodeMultibaseBase58btc, MultibaseError } from '../encoding/multibase';
import { didKeyVerificationMethodOf, resolveDidKey } from '../did/did-key';
import { readVectorJson, TV } from '../__tests__/vectors';
import {
  decodePublicKeyMultibase,
  decodeSecretKeyMultibase,
  ed25519Sign,
  ed25519Verify,
  encodePublicKeyMultibase,
  generateEd25519KeyPair,
  keyPairFromSeed,
  privateKeyFromSeed,
  publicKeyFromBytes,
} from './ed25519';

interface KeyPairVector {
  publicKeyMultibase: string;
  privateKeyMultibase: string;
}

describe('base58btc', () => {
  it('encodes a known value and keeps leading zero bytes as 1s', () => {
    expect(base58btcEncode(Buffer.from('hello world'))).toBe('StV1DL6CwTryKyV');
    expect(base58btcEncode(Uint8Array.of(0, 0, 1))).toBe('112');
    expect(Buffer.from(base58btcDecode('112'))).toEqual(Buffer.from([0, 0, 1]));
  });

  it('round-trips random bytes', () => {
    for (let n = 0; n < 50; n++) {
      const bytes = new Uint8Array(Buffer.from(Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff)));
      expect(Buffer.from(base58btcDecode(base58btcEncode(bytes)))).toEqual(Buffer.from(bytes));
    }
  });

  it('rejects characters outside the alphabet', () => {
    expect(() => base58btcDecode('0OIl')).toThrow(/invalid base58btc character/);
  });
});

describe('Ed25519 Multikey encoding', () => {
  const single = readVectorJson<KeyPairVector>(...TV('keyPair.json'));
  const multi = readVectorJson<Record<string, KeyPairVector>>(...TV('proof-set-chain', 'multiKeyPairs.json'));

  it.each([['keyPair', single], ...Object.entries(multi)])('derives the published public key of %s from its secret', (_name, pair) => {
    const seed = decodeSecretKeyMultibase(pair.privateKeyMultibase);
    const derived = keyPairFromSeed(seed);
    expect(derived.publicKeyMultibase).toBe(pair.publicKeyMultibase);
    expect(derived.secretKeyMultibase).toBe(pair.privateKeyMultibase);
  });

  it('decodes the 64-byte secret form of the Open Badges vector key', () => {
    const ob = readVectorJson<{ publicKeyHex: string; privateKeyHex: string; secretKeyMultibase: string; publicKeyMultibase: string }>(
      'openbadges',
      'ob3-eddsa-rdfc-2022-vector',
      'keypair.json',
    );
    const seed = decodeSecretKeyMultibase(ob.secretKeyMultibase);
    expect(Buffer.from(seed).toString('hex')).toBe(ob.privateKeyHex.slice(0, 64));
    expect(Buffer.from(decodePublicKeyMultibase(ob.publicKeyMultibase)).toString('hex')).toBe(ob.publicKeyHex);
  });

  it('encodes the public key as z + base58btc(0xed01 ‖ key)', () => {
    const pk = decodePublicKeyMultibase(single.publicKeyMultibase);
    expect(pk).toHaveLength(32);
    expect(encodePublicKeyMultibase(pk)).toBe(single.publicKeyMultibase);
    expect(single.publicKeyMultibase.startsWith('z6Mk')).toBe(true);
  });

  it('rejects a publicKeyMultibase with another multicodec header or encoding', () => {
    const pk = decodePublicKeyMultibase(single.publicKeyMultibase);
    const secp256k1 = encodeMultibaseBase58btc(Uint8Array.of(0xe7, 0x01, ...pk));
    expect(() => decodePublicKeyMultibase(secp256k1)).toThrow(/0xed01/);
    expect(() => decodePublicKeyMultibase('u' + Buffer.from(pk).toString('base64url'))).toThrow(MultibaseError);
    expect(() => decodePublicKeyMultibase(encodeMultibaseBase58btc(Uint8Array.of(0xed, 0x01, 1, 2, 3)))).toThrow(/32/);
  });

  it('names the did:key verification method did:key:<pk>#<pk> and derives its document', () => {
    const vm = didKeyVerificationMethodOf(single.publicKeyMultibase);
    expect(vm).toBe(`did:key:${single.publicKeyMultibase}#${single.publicKeyMultibase}`);
    const doc = resolveDidKey(`did:key:${single.publicKeyMultibase}`);
    expect(doc.assertionMethod).toEqual([vm]);
    expect(doc.verificationMethod?.[0]).toMatchObject({
      id: vm,
      type: 'Multikey',
      controller: doc.id,
      publicKeyMultibase: single.publicKeyMultibase,
    });
  });

  it('generates key pairs that sign and verify', () => {
    const pair = generateEd25519KeyPair();
    const data = Buffer.from('payload');
    const sig = ed25519Sign(data, privateKeyFromSeed(pair.secretKey));
    expect(ed25519Verify(data, sig, publicKeyFromBytes(pair.publicKey))).toBe(true);
    expect(ed25519Verify(Buffer.from('other'), sig, publicKeyFromBytes(pair.publicKey))).toBe(false);
    expect(decodeSecretKeyMultibase(pair.secretKeyMultibase)).toEqual(pair.secretKey);
  });
});
