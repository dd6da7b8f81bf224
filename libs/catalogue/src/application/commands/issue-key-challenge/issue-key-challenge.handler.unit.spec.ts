import { keyPossessionSigningInput } from '@alliance/credentials';
import { catalogueHarness } from '../../__fixtures__/catalogue-harness';
import { scenario } from '../../__fixtures__/catalogue-scenario';
import { ownAdminMeta } from '../../__fixtures__/key-registration';
import { IssueKeyChallengeCommand } from './issue-key-challenge.command';
import { IssueKeyChallengeHandler } from './issue-key-challenge.handler';

describe('IssueKeyChallengeHandler', () => {
  it('draws a fresh 32-byte nonce, records the challenge, and answers it with the bytes to sign', async () => {
    const h = catalogueHarness();
    const [aau] = await scenario(h).pendingMembers(1);
    const handler = new IssueKeyChallengeHandler(h.aggregates);
    const first = await handler.execute(IssueKeyChallengeCommand.create({ institutionId: aau, keyId: 'key-1', ...ownAdminMeta(h, aau) }));
    const second = await handler.execute(IssueKeyChallengeCommand.create({ institutionId: aau, keyId: 'key-1', ...ownAdminMeta(h, aau) }));
    expect(first.challenge).toMatchObject({
      type: 'alliance-key-possession',
      institutionId: aau,
      keyId: 'key-1',
      nonce: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    expect(Date.parse(first.challenge.expiresAt) - Date.now()).toBeGreaterThan(9 * 60_000);
    expect(second.challenge.nonce).not.toBe(first.challenge.nonce);
    expect(Buffer.from(first.signingInput, 'base64url')).toEqual(Buffer.from(keyPossessionSigningInput(first.challenge)));
    expect((await h.events()).at(-1)).toMatchObject({
      type: 'KeyChallengeIssued',
      data: { nonce: second.challenge.nonce },
      metadata: { actor: { institution: aau } },
    });
  });

  it('refuses the alliance-admin with 403 and writes nothing', async () => {
    const h = catalogueHarness();
    const [aau] = await scenario(h).pendingMembers(1);
    const before = await h.store.headPosition();
    await expect(
      new IssueKeyChallengeHandler(h.aggregates).execute(
        IssueKeyChallengeCommand.create({ institutionId: aau, keyId: 'key-1', ...h.meta() }),
      ),
    ).rejects.toMatchObject({
      status: 403,
      code: 'catalogue.key.not-own-institution',
    });
    expect(await h.store.headPosition()).toBe(before);
  });
});
