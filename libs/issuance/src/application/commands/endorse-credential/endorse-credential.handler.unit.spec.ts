import { generateEd25519KeyPair, signCredential } from '@alliance/credentials';
import { UNI_A, UNI_B, UNI_C } from '../../../domain/__fixtures__/specs.fixture';
import { issuanceHarness, SYSTEM } from '../../__fixtures__/issuance-harness.fixture';
import { IssueCredentialCommand } from '../issue-credential';
import { SetSigningPolicyCommand, SetSigningPolicyHandler } from '../set-signing-policy';
import { EndorseCredentialCommand } from './endorse-credential.command';
import { EndorseCredentialHandler } from './endorse-credential.handler';

const C1 = '0190f5a0-0000-7000-8000-0000000000c1';
const adminB = { subject: 'admin-b', role: 'institution-admin', institution: UNI_B };

async function pendingForB() {
  const h = await issuanceHarness();
  await h.onboard(UNI_A);
  await new SetSigningPolicyHandler(h.aggregates, h.knowledge).execute(
    SetSigningPolicyCommand.create({ institutionId: UNI_B, policy: 'manual', actor: adminB, correlationId: 'c' }),
  );
  await h.issue.execute(
    IssueCredentialCommand.create({
      award: {
        awardId: 'enr-1',
        credentialId: C1,
        learner: { learnerId: 'l1', name: 'Ada Lovelace' },
        specId: 'spec-joint',
        specVersion: 1,
        awardedAt: new Date().toISOString(),
        grades: [],
      },
      ...SYSTEM,
    }),
  );
  return { h, endorse: new EndorseCredentialHandler(h.aggregates, h.knowledge, h.signer) };
}

describe('endorse a credential (manual signing)', () => {
  it('signs with the key the platform holds for the institution, and issues when it was the last proof', async () => {
    const { h, endorse } = await pendingForB();
    await h.onboard(UNI_B);
    const out = await endorse.execute(EndorseCredentialCommand.create({ credentialId: C1, actor: adminB, correlationId: 'c' }));
    expect(out).toMatchObject({ credentialId: C1, institutionId: UNI_B, method: 'endorsement', lifecycle: 'issued', awaiting: [] });
  });

  it('explains how to proceed when the platform holds no key for the institution', async () => {
    const { endorse } = await pendingForB();
    await expect(
      endorse.execute(EndorseCredentialCommand.create({ credentialId: C1, actor: adminB, correlationId: 'c' })),
    ).rejects.toMatchObject({
      code: 'issuance.endorsement.no-platform-key',
      status: 422,
    });
  });

  it("accepts a detached proof made with the institution's own registered key", async () => {
    const { h, endorse } = await pendingForB();
    const own = generateEd25519KeyPair();
    await h.aggregates.knownInstitution.handle(
      UNI_B,
      {
        type: 'LearnRegisteredKey',
        institutionId: UNI_B,
        key: {
          keyId: 'own-1',
          verificationMethodId: 'did:web:b.example#own-1',
          publicKeyMultibase: own.publicKeyMultibase,
          custody: 'institution',
          validFrom: '2025-01-01T00:00:00.000Z',
        },
      },
      SYSTEM,
    );
    const pending = (await h.aggregates.credential.load(C1)).state!;
    const signed = await signCredential(pending.document, [
      { verificationMethod: 'did:web:b.example#own-1', privateKey: own.secretKey, cryptosuite: 'eddsa-jcs-2022' },
    ]);
    const out = await endorse.execute(
      EndorseCredentialCommand.create({ credentialId: C1, proof: signed.proof[0], actor: adminB, correlationId: 'c' }),
    );
    expect(out).toMatchObject({ method: 'detached-proof', lifecycle: 'issued' });
  });

  it('rejects a detached proof over other content, or with an unregistered key, with the reason', async () => {
    const { h, endorse } = await pendingForB();
    const own = generateEd25519KeyPair();
    const pending = (await h.aggregates.credential.load(C1)).state!;
    const unregistered = await signCredential(pending.document, [
      { verificationMethod: 'did:web:b.example#own-9', privateKey: own.secretKey, cryptosuite: 'eddsa-jcs-2022' },
    ]);
    await expect(
      endorse.execute(
        EndorseCredentialCommand.create({ credentialId: C1, proof: unregistered.proof[0], actor: adminB, correlationId: 'c' }),
      ),
    ).rejects.toMatchObject({
      code: 'issuance.proof.invalid',
      message: expect.stringContaining('not registered'),
    });
    await h.aggregates.knownInstitution.handle(
      UNI_B,
      {
        type: 'LearnRegisteredKey',
        institutionId: UNI_B,
        key: {
          keyId: 'own-9',
          verificationMethodId: 'did:web:b.example#own-9',
          publicKeyMultibase: own.publicKeyMultibase,
          custody: 'institution',
          validFrom: '2025-01-01T00:00:00.000Z',
        },
      },
      SYSTEM,
    );
    const tampered = await signCredential({ ...pending.document, name: 'Something else' }, [
      { verificationMethod: 'did:web:b.example#own-9', privateKey: own.secretKey, cryptosuite: 'eddsa-jcs-2022' },
    ]);
    await expect(
      endorse.execute(EndorseCredentialCommand.create({ credentialId: C1, proof: tampered.proof[0], actor: adminB, correlationId: 'c' })),
    ).rejects.toMatchObject({
      code: 'issuance.proof.invalid',
      message: expect.stringContaining('INVALID_SIGNATURE'),
    });
  });

  it('refuses admins of institutions that are not awarding bodies, and a second endorsement', async () => {
    const { h, endorse } = await pendingForB();
    await expect(
      endorse.execute(EndorseCredentialCommand.create({ credentialId: C1, actor: { ...adminB, institution: UNI_C }, correlationId: 'c' })),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      endorse.execute(EndorseCredentialCommand.create({ credentialId: C1, actor: { ...adminB, institution: UNI_A }, correlationId: 'c' })),
    ).rejects.toMatchObject({ status: 409 });
    void h;
  });
});
