import { generateEd25519KeyPair, signKeyPossession } from '@alliance/credentials';
import { catalogueHarness } from '../../__fixtures__/catalogue-harness';
import { scenario } from '../../__fixtures__/catalogue-scenario';
import { ownAdminMeta, registerKey } from '../../__fixtures__/key-registration';
import { IssueKeyChallengeCommand, IssueKeyChallengeHandler } from '../issue-key-challenge';
import { AddSigningKeyCommand } from './add-signing-key.command';
import { AddSigningKeyHandler } from './add-signing-key.handler';

describe('AddSigningKeyHandler', () => {
  it("registers the key its own admin proved, under the challenge's keyId, and so activates the pending member", async () => {
    const h = catalogueHarness();
    const [aau] = await scenario(h).pendingMembers(1);
    const { keyId, keyPair } = await registerKey(h, aau, { keyId: 'aau-2026' });
    expect(keyId).toBe('aau-2026');
    const state = (await h.aggregates.institution.state(aau))!;
    expect(state.keys).toEqual([
      expect.objectContaining({
        keyId: 'aau-2026',
        publicKeyMultibase: keyPair.publicKeyMultibase,
        possession: expect.objectContaining({ signature: expect.any(String) }),
      }),
    ]);
    expect(state.status).toBe('active');
    expect((await h.events()).slice(-2).map((e) => [e.type, e.metadata.actor.role])).toEqual([
      ['SigningKeyAdded', 'institution-admin'],
      ['InstitutionActivated', 'institution-admin'],
    ]);
  });

  it("refuses the alliance-admin and another institution's admin with 403, writing nothing", async () => {
    const h = catalogueHarness();
    const [aau, dcu] = await scenario(h).pendingMembers(2);
    const keyPair = generateEd25519KeyPair();
    const { challenge } = await new IssueKeyChallengeHandler(h.aggregates).execute(
      IssueKeyChallengeCommand.create({ institutionId: aau, keyId: 'key-1', ...ownAdminMeta(h, aau) }),
    );
    const body = {
      institutionId: aau,
      publicKeyMultibase: keyPair.publicKeyMultibase,
      proofOfPossession: signKeyPossession(challenge, keyPair.secretKey),
    };
    const before = await h.store.headPosition();
    const handler = new AddSigningKeyHandler(h.aggregates, h.didCheck);
    await expect(handler.execute(AddSigningKeyCommand.create({ ...body, ...h.meta() }))).rejects.toMatchObject({
      status: 403,
      code: 'catalogue.key.not-own-institution',
    });
    await expect(handler.execute(AddSigningKeyCommand.create({ ...body, ...ownAdminMeta(h, dcu) }))).rejects.toMatchObject({
      status: 403,
      code: 'catalogue.key.not-own-institution',
    });
    expect(await h.store.headPosition()).toBe(before);
  });

  it('cannot be built without a proof of possession', () => {
    const h = catalogueHarness();
    const { publicKeyMultibase } = generateEd25519KeyPair();
    expect(() => AddSigningKeyCommand.create({ institutionId: 'x', publicKeyMultibase, ...h.meta() } as never)).toThrow(
      expect.objectContaining({ status: 422, field: 'proofOfPossession' }),
    );
  });
});

describe('AddSigningKeyHandler with replacesKeyId', () => {
  it('rotates: the replaced key ends when the new one starts', async () => {
    const h = catalogueHarness();
    const [aau] = await scenario(h).members(1);
    await expect(registerKey(h, aau, { keyId: 'key-2', replacesKeyId: 'key-1' })).resolves.toMatchObject({ keyId: 'key-2' });
    const [old, next] = (await h.aggregates.institution.state(aau))!.keys;
    expect(old.validUntil).toBe(next.validFrom);
  });

  it('refuses a validFrom on a key that replaces another: it starts now', async () => {
    const h = catalogueHarness();
    const [aau] = await scenario(h).members(1);
    const keyPair = generateEd25519KeyPair();
    const { challenge } = await new IssueKeyChallengeHandler(h.aggregates).execute(
      IssueKeyChallengeCommand.create({ institutionId: aau, keyId: 'key-2', ...ownAdminMeta(h, aau) }),
    );
    const command = AddSigningKeyCommand.create({
      institutionId: aau,
      publicKeyMultibase: keyPair.publicKeyMultibase,
      replacesKeyId: 'key-1',
      validFrom: new Date().toISOString(),
      proofOfPossession: signKeyPossession(challenge, keyPair.secretKey),
      ...ownAdminMeta(h, aau),
    });
    await expect(new AddSigningKeyHandler(h.aggregates, h.didCheck).execute(command)).rejects.toMatchObject({
      code: 'catalogue.key.rotation-starts-now',
      field: 'validFrom',
    });
  });
});
