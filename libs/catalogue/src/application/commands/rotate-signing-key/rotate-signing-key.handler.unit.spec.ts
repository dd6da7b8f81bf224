import { generateEd25519KeyPair, signKeyPossession } from '@alliance/credentials';
import { type CatalogueHarness, catalogueHarness } from '../../__fixtures__/catalogue-harness';
import { scenario } from '../../__fixtures__/catalogue-scenario';
import { ownAdminMeta } from '../../__fixtures__/key-registration';
import { IssueKeyChallengeCommand, IssueKeyChallengeHandler } from '../issue-key-challenge';
import { RotateSigningKeyCommand } from './rotate-signing-key.command';
import { RotateSigningKeyHandler } from './rotate-signing-key.handler';

describe('RotateSigningKeyHandler', () => {
  it('closes the current key and opens its proven successor in one event', async () => {
    const h = catalogueHarness();
    const [aau] = await scenario(h).members(1);
    const meta = ownAdminMeta(h, aau);
    const keyPair = generateEd25519KeyPair();
    const { challenge } = await new IssueKeyChallengeHandler(h.aggregates).execute(
      IssueKeyChallengeCommand.create({ institutionId: aau, keyId: 'key-2026', ...meta }),
    );
    const rotate = (extra: ReturnType<CatalogueHarness['meta']>) =>
      new RotateSigningKeyHandler(h.aggregates, h.didCheck).execute(
        RotateSigningKeyCommand.create({
          institutionId: aau,
          keyId: 'key-1',
          publicKeyMultibase: keyPair.publicKeyMultibase,
          proofOfPossession: signKeyPossession(challenge, keyPair.secretKey),
          reason: 'yearly',
          ...extra,
        }),
      );
    await expect(rotate(h.meta())).rejects.toMatchObject({ status: 403, code: 'catalogue.key.not-own-institution' });
    await expect(rotate(meta)).resolves.toBe('key-2026');
    const keys = (await h.aggregates.institution.state(aau))!.keys;
    expect(keys[0].validUntil).toBe(keys[1].validFrom);
    expect((await h.events()).at(-1)?.type).toBe('SigningKeyRotated');
  });
});
