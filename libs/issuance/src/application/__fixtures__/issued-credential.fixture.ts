import { InMemoryEventStore } from '@alliance/event-sourcing';
import { jointAward, jointSigners } from '../../domain/__fixtures__/credential.fixture';
import { UNI_A, UNI_B } from '../../domain/__fixtures__/specs.fixture';
import { IssuanceAggregates } from '../issuance-aggregates';

export const CREDENTIAL_ID = '0190f5a0-0000-7000-8000-0000000000c1';
const system = { actor: { subject: 'issuance-process-manager', role: 'system' }, correlationId: 'seed' };

/** A store holding one credential issued by UNI_A (lead) and UNI_B. */
export async function storeWithIssuedCredential() {
  const store = new InMemoryEventStore();
  const aggregates = new IssuanceAggregates(store);
  await aggregates.credential.handle(
    CREDENTIAL_ID,
    {
      type: 'DraftCredential',
      credentialId: CREDENTIAL_ID,
      ...jointAward,
      awardingBodies: jointSigners('automatic'),
      // Suspendable: a revocation and a suspension entry.
      document: {
        id: `urn:uuid:${CREDENTIAL_ID}`,
        credentialStatus: ['revocation', 'suspension'].map((statusPurpose) => ({ type: 'BitstringStatusListEntry', statusPurpose })),
      },
      cryptosuite: 'eddsa-jcs-2022',
      status: { listId: `${UNI_A}-1`, index: 17 },
      awardedAt: '2026-01-01T00:00:00.000Z',
    },
    system,
  );
  for (const inst of [UNI_A, UNI_B]) {
    await aggregates.credential.handle(
      CREDENTIAL_ID,
      {
        type: 'AddProof',
        credentialId: CREDENTIAL_ID,
        institutionId: inst,
        standing: 'active',
        method: 'automatic',
        proof: { verificationMethod: `did:web:${inst}#k`, proofValue: `z${inst}` },
        check: { valid: true },
      },
      system,
    );
  }
  return { store, aggregates };
}

export const adminOf = (institution: string) => ({ subject: `admin@${institution}`, role: 'institution-admin', institution });
