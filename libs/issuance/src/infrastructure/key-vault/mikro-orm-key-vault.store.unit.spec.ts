import { randomBytes } from 'node:crypto';
import { KeyVault } from './key-vault';
import { MasterKey } from './master-key';
import { MikroOrmKeyVaultStore } from './mikro-orm-key-vault.store';
import { pgliteReadModelForSpecs } from '../../__fixtures__/pglite-read-model.fixture';

describe('key vault on the read model database (PGlite)', () => {
  const readModel = pgliteReadModelForSpecs();

  it('keeps sealed keys across vault instances; the raw seed is nowhere in the table', async () => {
    const orm = readModel();
    const master = MasterKey.fromConfig(randomBytes(32).toString('hex'));
    const store = new MikroOrmKeyVaultStore(orm);
    const { keyRef } = await new KeyVault(store, master).generate('inst-a');
    const key = await new KeyVault(new MikroOrmKeyVaultStore(orm), master).privateKey('inst-a', keyRef);
    const seed = Buffer.from(key!.export({ format: 'jwk' }).d as string, 'base64url');
    const dump = JSON.stringify(await orm.em.fork().execute('select * from issuance_key_vault'));
    expect(dump).not.toContain(seed.toString('base64url'));
    expect(dump).not.toContain(seed.toString('hex'));
    expect(dump).not.toContain(seed.toString('base64'));
    expect((await store.listFor('inst-a')).map((e) => e.keyRef)).toEqual([keyRef]);
  });
});
