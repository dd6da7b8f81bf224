import { UNI_A, UNI_B } from '../../../domain/__fixtures__/specs.fixture';
import { adminOf, CREDENTIAL_ID, storeWithIssuedCredential } from '../../__fixtures__/issued-credential.fixture';
import { learnInstitution, learnStanding } from '../../__fixtures__/known-institution.fixture';
import { KnowledgeReader } from '../../knowledge/knowledge-reader';
import { RevokeCredentialCommand, RevokeCredentialHandler } from '../revoke-credential';
import { LiftFinalRevocationCommand } from './lift-final-revocation.command';
import { LiftFinalRevocationHandler } from './lift-final-revocation.handler';

async function revokedForGood() {
  const { aggregates } = await storeWithIssuedCredential();
  const knowledge = new KnowledgeReader(aggregates, 0);
  const out = await new RevokeCredentialHandler(aggregates, knowledge).execute(
    RevokeCredentialCommand.create({
      credentialId: CREDENTIAL_ID,
      reason: 'diploma fraud',
      final: true,
      actor: adminOf(UNI_B),
      correlationId: 'c',
    }),
  );
  return { aggregates, knowledge, out, lift: new LiftFinalRevocationHandler(aggregates, knowledge) };
}

describe('revoke for good, then lift', () => {
  it('records the final revocation for the learner and definition before answering', async () => {
    const { aggregates, out } = await revokedForGood();
    expect(out).toMatchObject({ lifecycle: 'revoked', final: true });
    const { state } = await aggregates.finalRevocation.load({ learnerId: 'learner-1', specId: 'spec-joint' });
    expect(state).toMatchObject({ credentialId: CREDENTIAL_ID, revokedBy: UNI_B, awardingBodies: [UNI_A, UNI_B], reason: 'diploma fraud' });
    expect(state?.lifted).toBeUndefined();
  });

  it("is lifted by another awarding body's admin, recording who and why", async () => {
    const { lift } = await revokedForGood();
    const out = await lift.execute(
      LiftFinalRevocationCommand.create({
        credentialId: CREDENTIAL_ID,
        reason: 'appeal upheld',
        actor: adminOf(UNI_A),
        correlationId: 'c',
      }),
    );
    expect(out).toMatchObject({
      credentialId: CREDENTIAL_ID,
      learnerId: 'learner-1',
      specId: 'spec-joint',
      lifted: { liftedBy: { subject: `admin@${UNI_A}`, institutionId: UNI_A }, reason: 'appeal upheld' },
    });
  });

  it('refuses an unknown credential (404), a registrar (403), and an admin of a suspended awarding body (403 naming it)', async () => {
    const { aggregates, lift } = await revokedForGood();
    await expect(
      lift.execute(
        LiftFinalRevocationCommand.create({
          credentialId: '0190f5a0-0000-7000-8000-0000000000ff',
          reason: 'x',
          actor: adminOf(UNI_A),
          correlationId: 'c',
        }),
      ),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      lift.execute(
        LiftFinalRevocationCommand.create({
          credentialId: CREDENTIAL_ID,
          reason: 'x',
          actor: { subject: 'r', role: 'registrar', institution: UNI_A },
          correlationId: 'c',
        }),
      ),
    ).rejects.toMatchObject({ status: 403 });
    await learnInstitution(aggregates, UNI_A);
    await learnStanding(aggregates, UNI_A, 'suspended');
    await expect(
      lift.execute(
        LiftFinalRevocationCommand.create({ credentialId: CREDENTIAL_ID, reason: 'x', actor: adminOf(UNI_A), correlationId: 'c' }),
      ),
    ).rejects.toMatchObject({
      status: 403,
      code: 'issuance.member-suspended',
    });
  });
});
