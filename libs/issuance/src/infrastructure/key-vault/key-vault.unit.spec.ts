import { randomBytes, sign, verify, createPublicKey } from 'node:crypto';
import { decodePublicKeyMultibase, publicKeyFromBytes } from '@alliance/credentials';
import { InMemoryKeyVaultStore } from './key-vault.port';
import { KeyVault } from './key-vault';
import { MasterKey } from './master-key';

describe('key vault', () => {
  const master = MasterKey.fromConfig(randomBytes(32).toString('hex'));

  it('generates a key, stores only its sealed private half, and signs with it', async () => {
    const store = new InMemoryKeyVaultStore();
    const vault = new KeyVault(store, master);
    const { keyRef, publicKeyMultibase } = await vault.generate('inst-a');
    expect(publicKeyMultibase).toMatch(/^z6Mk/);
    const entry = (await store.get(keyRef))!;
    expect(entry).toMatchObject({ institutionId: 'inst-a', publicKeyMultibase, sealed: { algorithm: 'A256GCM', masterKeyId: master.id } });
    const key = (await vault.privateKey('inst-a', keyRef))!;
    const pub = publicKeyFromBytes(decodePublicKeyMultibase(publicKeyMultibase));
    const message = Buffer.from('hello');
    expect(verify(null, message, pub, sign(null, message, key))).toBe(true);
    expect(createPublicKey(key).export({ format: 'jwk' }).x).toBe(pub.export({ format: 'jwk' }).x);
  });

  it("never hands one institution's key to another", async () => {
    const vault = new KeyVault(new InMemoryKeyVaultStore(), master);
    const { keyRef } = await vault.generate('inst-a');
    expect(
      await new KeyVault((vault as unknown as { store: InMemoryKeyVaultStore }).store, master).privateKey('inst-b', keyRef),
    ).toBeUndefined();
  });

  it('cannot open keys under another master key', async () => {
    const store = new InMemoryKeyVaultStore();
    const { keyRef } = await new KeyVault(store, master).generate('inst-a');
    const other = new KeyVault(store, MasterKey.fromConfig(randomBytes(32).toString('hex')));
    await expect(other.privateKey('inst-a', keyRef)).rejects.toThrow(/sealed with master key/);
  });
});
