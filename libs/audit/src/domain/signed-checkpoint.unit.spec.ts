import { createPublicKey, randomBytes } from 'node:crypto';
import { auditKeyFromSeed, checkpointDigest, type CheckpointBody, signCheckpoint, verifyCheckpointSignature } from './signed-checkpoint';

describe('signed checkpoints', () => {
  const key = auditKeyFromSeed(randomBytes(32).toString('hex'));
  const body: CheckpointBody = {
    store: 'catalogue',
    sequence: 1,
    fromPosition: 0,
    toPosition: 42,
    treeSize: 42,
    merkleRoot: 'ab'.repeat(32),
    previousDigest: null,
    createdAt: '2026-11-23T10:00:00.000Z',
    keyId: key.keyId,
  };

  it('verifies with the public key alone, after a JSON round trip', () => {
    const signed = signCheckpoint(body, key.privateKey);
    const publicOnly = createPublicKey({ key: key.publicKey.export({ format: 'jwk' }), format: 'jwk' });
    expect(verifyCheckpointSignature(JSON.parse(JSON.stringify(signed)), publicOnly)).toBe(true);
  });

  it.each<[keyof CheckpointBody, unknown]>([
    ['merkleRoot', 'cd'.repeat(32)],
    ['toPosition', 43],
    ['treeSize', 41],
    ['previousDigest', 'ef'.repeat(32)],
    ['store', 'issuance'],
  ])('fails when %s is altered', (field, value) => {
    const signed = signCheckpoint(body, key.privateKey);
    expect(verifyCheckpointSignature({ ...signed, [field]: value }, key.publicKey)).toBe(false);
  });

  it('fails with another key, and chains digests', () => {
    const other = auditKeyFromSeed(randomBytes(32).toString('hex'));
    const signed = signCheckpoint(body, key.privateKey);
    expect(verifyCheckpointSignature(signed, other.publicKey)).toBe(false);
    const next = signCheckpoint(
      { ...body, sequence: 2, fromPosition: 42, toPosition: 50, treeSize: 8, previousDigest: checkpointDigest(signed) },
      key.privateKey,
    );
    expect(next.previousDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(checkpointDigest(next)).not.toBe(checkpointDigest(signed));
  });

  it('refuses a seed of the wrong length', () => {
    expect(() => auditKeyFromSeed('abcd')).toThrow(/32-byte/);
  });
});
