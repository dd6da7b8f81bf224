import { jointAward, jointSigners } from '../../../domain/__fixtures__/credential.fixture';
import { UNI_A, UNI_B } from '../../../domain/__fixtures__/specs.fixture';

const status = { listId: 'L1', index: 5 };
const stream = 'issuance.credential-c1';

/** Drafted, two proofs, issued, suspended, reinstated, revoked (superseded). */
export function credentialLifecycleEvents() {
  return [
    {
      streamId: 'issuance.status-register-a',
      type: 'StatusListOpened',
      data: { institutionId: UNI_A, listId: 'L1', seq: 1, length: 131072 },
    },
    {
      streamId: stream,
      type: 'CredentialDrafted',
      data: {
        credentialId: 'c1',
        ...jointAward,
        awardingBodies: jointSigners('manual'),
        document: { id: 'urn:uuid:c1' },
        cryptosuite: 'eddsa-jcs-2022',
        status,
        awardedAt: '2026-01-01T00:00:00.000Z',
      },
    },
    {
      streamId: stream,
      type: 'CredentialProofAdded',
      data: { credentialId: 'c1', institutionId: UNI_A, verificationMethod: 'vm-a', method: 'automatic', proof: { proofValue: 'za' } },
    },
    {
      streamId: stream,
      type: 'CredentialProofAdded',
      data: { credentialId: 'c1', institutionId: UNI_B, verificationMethod: 'vm-b', method: 'endorsement', proof: { proofValue: 'zb' } },
    },
    {
      streamId: stream,
      type: 'CredentialIssued',
      data: {
        credentialId: 'c1',
        hash: 'abc',
        issuedAt: '2026-01-02T00:00:00.000Z',
        ...jointAward,
        awardingBodies: [UNI_A, UNI_B],
        awardedAt: '2026-01-01T00:00:00.000Z',
        status,
      },
    },
    { streamId: stream, type: 'CredentialSuspended', data: { credentialId: 'c1', reason: 'check', institutionId: UNI_B, status } },
    { streamId: stream, type: 'CredentialReinstated', data: { credentialId: 'c1', reason: 'ok', institutionId: UNI_B, status } },
    {
      streamId: stream,
      type: 'CredentialRevoked',
      data: { credentialId: 'c1', reason: 'superseded', supersededBy: 'c2', wasIssued: true, status },
    },
  ];
}
