import { freshPublicKey } from '../../../domain/__fixtures__/keys.fixture';
import { catalogueHarness } from '../../__fixtures__/catalogue-harness';
import { scenario } from '../../__fixtures__/catalogue-scenario';
import { AddSigningKeyCommand, AddSigningKeyHandler } from '../add-signing-key';
import { RotateSigningKeyCommand } from './rotate-signing-key.command';
import { RotateSigningKeyHandler } from './rotate-signing-key.handler';

describe('RotateSigningKeyHandler', () => {
  it('closes the current key and opens its successor in one event', async () => {
    const h = catalogueHarness();
    const [aau] = await scenario(h).members(1);
    await new AddSigningKeyHandler(h.aggregates).execute(AddSigningKeyCommand.create({ institutionId: aau, ...freshPublicKey(), ...h.meta() }));
    const next = await new RotateSigningKeyHandler(h.aggregates).execute(
      RotateSigningKeyCommand.create({ institutionId: aau, keyId: 'key-1', newKeyId: 'key-2026', ...freshPublicKey(), reason: 'yearly', ...h.meta() }),
    );
    expect(next).toBe('key-2026');
    const keys = (await h.aggregates.institution(aau))!.keys;
    expect(keys[0].validUntil).toBe(keys[1].validFrom);
    expect((await h.events()).at(-1)?.type).toBe('SigningKeyRotated');
  });
});
