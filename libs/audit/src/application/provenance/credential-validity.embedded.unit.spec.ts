import { IDS, T, worldWithCredentialHistory } from '../../__fixtures__/credential-history.fixture';
import { credentialValidityAt } from './credential-validity';

describe('was the credential valid on date D', () => {
  const world = worldWithCredentialHistory();

  it.each([
    ['before it was issued', '2025-02-05T00:00:00.000Z', false, 'not-issued'],
    ['once issued', '2025-02-06T00:00:00.000Z', true, 'valid'],
    ['while suspended', '2025-03-05T00:00:00.000Z', false, 'suspended'],
    ['after reinstatement', '2025-04-01T00:00:00.000Z', true, 'valid'],
    ['after revocation', '2025-05-02T00:00:00.000Z', false, 'revoked'],
  ])('%s', async (_label, at, valid, status) => {
    const answer = (await credentialValidityAt(world().sources, IDS.credential, at))!;
    expect(answer).toMatchObject({ credentialId: IDS.credential, at, valid, status });
  });

  it('rests every check on named events, keys included', async () => {
    const answer = (await credentialValidityAt(world().sources, IDS.credential, T.reinstated))!;
    expect(answer.checks.map((c) => [c.check, c.outcome])).toEqual([
      ['issued', 'pass'],
      ['not-revoked', 'pass'],
      ['not-suspended', 'pass'],
      ['validity-period', 'pass'],
      ['co-issuers-signed', 'pass'],
      ['keys-registered', 'pass'],
    ]);
    expect(answer.checks.find((c) => c.check === 'keys-registered')!.evidence.map((e) => e.type)).toEqual([
      'SigningKeyAdded',
      'SigningKeyAdded',
    ]);
  });

  it('fails the key check when a proof names a key its institution never registered', async () => {
    await world().append('issuance.credential-rogue', [
      {
        type: 'CredentialDrafted',
        data: {
          credentialId: 'rogue',
          awardId: 'a',
          specId: IDS.spec,
          specVersion: 1,
          learnerId: 'l',
          awardingBodies: [{ institutionId: IDS.instA, lead: true }],
          document: { validFrom: T.granted },
          awardedAt: T.granted,
        },
        at: T.granted,
      },
      {
        type: 'CredentialProofAdded',
        data: {
          credentialId: 'rogue',
          institutionId: IDS.instA,
          verificationMethod: 'did:web:evil.example#k',
          method: 'detached-proof',
          proof: { created: T.signedA },
        },
        at: T.signedA,
      },
      { type: 'CredentialIssued', data: { credentialId: 'rogue', hash: 'x', issuedAt: T.issued }, at: T.issued },
    ]);
    const answer = (await credentialValidityAt(world().sources, 'rogue', T.verified))!;
    expect(answer).toMatchObject({ valid: false, status: 'unsigned' });
    expect(answer.checks.find((c) => c.check === 'keys-registered')).toMatchObject({
      outcome: 'fail',
      detail: expect.stringMatching(/was not registered/),
    });
  });
});
