import { freshPublicKey } from '../../../domain/__fixtures__/keys.fixture';
import { catalogueHarness } from '../../__fixtures__/catalogue-harness';
import { scenario } from '../../__fixtures__/catalogue-scenario';
import { AddSigningKeyCommand } from './add-signing-key.command';
import { AddSigningKeyHandler } from './add-signing-key.handler';

describe('AddSigningKeyHandler', () => {
  it('registers the public key and returns its id', async () => {
    const h = catalogueHarness();
    const [aau] = await scenario(h).members(1);
    const keyId = await new AddSigningKeyHandler(h.aggregates).execute(AddSigningKeyCommand.create({ institutionId: aau, ...freshPublicKey(), keyId: 'aau-2026', ...h.meta() }));
    expect(keyId).toBe('aau-2026');
    expect((await h.aggregates.institution(aau))?.keys).toHaveLength(1);
  });

  it('lets an institution-admin add keys for its own institution only', async () => {
    const h = catalogueHarness();
    const [aau, dcu] = await scenario(h).members(2);
    const handler = new AddSigningKeyHandler(h.aggregates);
    const asAdminOf = (institution: string) => h.meta({ role: 'institution-admin', institution });
    await expect(handler.execute(AddSigningKeyCommand.create({ institutionId: aau, ...freshPublicKey(), ...asAdminOf(aau) }))).resolves.toBe('key-1');
    await expect(handler.execute(AddSigningKeyCommand.create({ institutionId: aau, ...freshPublicKey(), ...asAdminOf(dcu) }))).rejects.toMatchObject({ status: 403 });
  });
});

describe('AddSigningKeyHandler with replacesKeyId', () => {
  it('rotates: the replaced key ends when the new one starts', async () => {
    const h = catalogueHarness();
    const [aau] = await scenario(h).members(1);
    const handler = new AddSigningKeyHandler(h.aggregates);
    await handler.execute(AddSigningKeyCommand.create({ institutionId: aau, ...freshPublicKey(), ...h.meta() }));
    await expect(handler.execute(AddSigningKeyCommand.create({ institutionId: aau, ...freshPublicKey(), replacesKeyId: 'key-1', ...h.meta() }))).resolves.toBe('key-2');
    const [old, next] = (await h.aggregates.institution(aau))!.keys;
    expect(old.validUntil).toBe(next.validFrom);
    await expect(
      handler.execute(AddSigningKeyCommand.create({ institutionId: aau, ...freshPublicKey(), replacesKeyId: 'key-2', validFrom: new Date().toISOString(), ...h.meta() })),
    ).rejects.toMatchObject({ code: 'catalogue.key.rotation-starts-now', field: 'validFrom' });
  });
});
