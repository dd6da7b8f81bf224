import { type CatalogueHarness, catalogueHarness } from '../../__fixtures__/catalogue-harness';
import { scenario } from '../../__fixtures__/catalogue-scenario';
import { ownAdminMeta } from '../../__fixtures__/key-registration';
import { RevokeSigningKeyCommand } from './revoke-signing-key.command';
import { RevokeSigningKeyHandler } from './revoke-signing-key.handler';

describe('RevokeSigningKeyHandler', () => {
  it('revokes for a compromise as its own admin, once; the alliance-admin is refused', async () => {
    const h = catalogueHarness();
    const [aau] = await scenario(h).members(1);
    const handler = new RevokeSigningKeyHandler(h.aggregates);
    const compromisedSince = new Date(Date.now() - 86_400_000).toISOString();
    const revoke = (meta: ReturnType<CatalogueHarness['meta']>) =>
      handler.execute(
        RevokeSigningKeyCommand.create({ institutionId: aau, keyId: 'key-1', reason: 'key leaked', compromisedSince, ...meta }),
      );
    await expect(revoke(h.meta())).rejects.toMatchObject({ status: 403, code: 'catalogue.key.not-own-institution' });
    await revoke(ownAdminMeta(h, aau));
    expect((await h.aggregates.institution.state(aau))!.keys[0]).toMatchObject({
      keyId: 'key-1',
      compromisedSince,
      revocationReason: 'key leaked',
    });
    await expect(revoke(ownAdminMeta(h, aau))).rejects.toMatchObject({ status: 409, code: 'catalogue.key.already-revoked' });
  });
});
