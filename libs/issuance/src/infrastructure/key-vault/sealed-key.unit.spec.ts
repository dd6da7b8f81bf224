import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { MasterKey } from './master-key';
import { openPrivateKey, sealPrivateKey, SealedKeyError } from './sealed-key';

describe('sealing private keys under the master key', () => {
  const hex = randomBytes(32).toString('hex');
  const master = MasterKey.fromConfig(hex);
  const binding = { institutionId: 'inst-a', keyRef: 'k1', publicKeyMultibase: 'z6MkA' };
  const secret = randomBytes(32);

  it('round-trips, and the ciphertext does not contain the secret', () => {
    const sealed = sealPrivateKey(master, secret, binding);
    expect(Buffer.from(sealed.ciphertext, 'base64url').equals(secret)).toBe(false);
    expect(JSON.stringify(sealed)).not.toContain(secret.toString('hex'));
    expect(openPrivateKey(master, sealed, binding).equals(secret)).toBe(true);
  });

  it('uses a fresh IV each time', () => {
    expect(sealPrivateKey(master, secret, binding).iv).not.toBe(sealPrivateKey(master, secret, binding).iv);
  });

  it('accepts the same key as base64, and names it by an id that is not the key', () => {
    const b64 = MasterKey.fromConfig(Buffer.from(hex, 'hex').toString('base64'));
    expect(b64.id).toBe(master.id);
    expect(master.id).not.toContain(hex.slice(0, 8));
  });

  it('refuses to open with another master key, naming both ids', () => {
    const sealed = sealPrivateKey(master, secret, binding);
    const other = MasterKey.fromConfig(randomBytes(32).toString('hex'));
    expect(() => openPrivateKey(other, sealed, binding)).toThrow(SealedKeyError);
    expect(() => openPrivateKey(other, sealed, binding)).toThrow(master.id);
  });

  it('refuses a record moved to another institution or key, or altered', () => {
    const sealed = sealPrivateKey(master, secret, binding);
    expect(() => openPrivateKey(master, sealed, { ...binding, institutionId: 'inst-b' })).toThrow(/altered or bound/);
    expect(() => openPrivateKey(master, sealed, { ...binding, publicKeyMultibase: 'z6MkB' })).toThrow(/altered or bound/);
    const flipped = Buffer.from(sealed.ciphertext, 'base64url');
    flipped[0] ^= 1;
    expect(() => openPrivateKey(master, { ...sealed, ciphertext: flipped.toString('base64url') }, binding)).toThrow(SealedKeyError);
  });

  it('rejects a master key of the wrong size, and never prints itself', () => {
    expect(() => MasterKey.fromConfig('abc')).toThrow(/ISSUANCE_MASTER_KEY must be 32 bytes/);
    expect(JSON.stringify({ master })).not.toContain(hex);
    expect(inspect(master)).toBe(`MasterKey(${master.id})`);
  });
});
