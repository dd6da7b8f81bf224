import { deciderSpecification } from '@alliance/event-sourcing';
import { UNI_A, UNI_B } from '../__fixtures__/specs.fixture';
import { admin, drafted, draftData, issued, proofAdded, revocableOnly, status } from '../__fixtures__/credential.fixture';
import type { CredentialCommand } from './credential.commands';
import { credentialDecider } from './credential.decider';
import type { CredentialEvent } from './credential.events';

const spec = deciderSpecification(credentialDecider);

describe('credential: suspension, reinstatement and revocation', () => {
  const suspended: CredentialEvent = {
    type: 'CredentialSuspended',
    data: { credentialId: 'c1', reason: 'under investigation', institutionId: UNI_B, status },
  };
  const lifecycle = [drafted, proofAdded(UNI_A), proofAdded(UNI_B), issued];

  it('an awarding body admin suspends an issued credential with a reason', () => {
    spec
      .given(lifecycle)
      .when({ type: 'SuspendCredential', credentialId: 'c1', reason: 'under investigation', authority: admin(UNI_B) })
      .then([suspended]);
  });

  it('requires a reason', () => {
    spec
      .given(lifecycle)
      .when({ type: 'SuspendCredential', credentialId: 'c1', reason: '  ', authority: admin(UNI_B) })
      .thenThrows('issuance.status.reason-required');
  });

  it('refuses an admin of an institution that did not award it (403)', () => {
    spec
      .given(lifecycle)
      .when({ type: 'RevokeCredential', credentialId: 'c1', reason: 'x', authority: admin('other') })
      .thenThrows('issuance.status.not-awarding-body');
  });

  it('refuses to suspend a credential whose only status entry is for revocation (no verifier could see it), and allows a legacy 2-bit message entry', () => {
    const revocable: CredentialEvent = { type: 'CredentialDrafted', data: { ...draftData, document: revocableOnly } };
    spec
      .given([revocable, proofAdded(UNI_A), proofAdded(UNI_B), issued])
      .when({ type: 'SuspendCredential', credentialId: 'c1', reason: 'x', authority: admin(UNI_B) })
      .thenThrows('issuance.credential.not-suspendable');
    const legacy: CredentialEvent = {
      type: 'CredentialDrafted',
      data: {
        ...draftData,
        document: { ...revocableOnly, credentialStatus: { ...revocableOnly.credentialStatus, statusPurpose: 'message', statusSize: 2 } },
      },
    };
    spec
      .given([legacy, proofAdded(UNI_A), proofAdded(UNI_B), issued])
      .when({ type: 'SuspendCredential', credentialId: 'c1', reason: 'x', authority: admin(UNI_B) })
      .then([{ ...suspended, data: { ...suspended.data, reason: 'x' } }]);
  });

  it('cannot suspend twice, nor suspend a credential still collecting proofs', () => {
    spec
      .given([...lifecycle, suspended])
      .when({ type: 'SuspendCredential', credentialId: 'c1', reason: 'x', authority: admin(UNI_A) })
      .thenThrows('issuance.credential.already-suspended');
    spec
      .given([drafted])
      .when({ type: 'SuspendCredential', credentialId: 'c1', reason: 'x', authority: admin(UNI_A) })
      .thenThrows('issuance.credential.cannot-suspend');
  });

  it('reinstates only a suspended credential', () => {
    spec
      .given([...lifecycle, suspended])
      .when({ type: 'ReinstateCredential', credentialId: 'c1', reason: 'cleared', authority: admin(UNI_A) })
      .then([{ type: 'CredentialReinstated', data: { credentialId: 'c1', reason: 'cleared', institutionId: UNI_A, status } }]);
    spec
      .given(lifecycle)
      .when({ type: 'ReinstateCredential', credentialId: 'c1', reason: 'cleared', authority: admin(UNI_A) })
      .thenThrows('issuance.credential.cannot-reinstate');
  });

  it('revokes for good: a suspended credential too, and never twice by an admin', () => {
    const revoked: CredentialEvent = {
      type: 'CredentialRevoked',
      data: { credentialId: 'c1', reason: 'fraud', institutionId: UNI_A, wasIssued: true, status },
    };
    spec
      .given([...lifecycle, suspended])
      .when({ type: 'RevokeCredential', credentialId: 'c1', reason: 'fraud', authority: admin(UNI_A) })
      .then([revoked]);
    spec
      .given([...lifecycle, revoked])
      .when({ type: 'RevokeCredential', credentialId: 'c1', reason: 'again', authority: admin(UNI_A) })
      .thenThrows('issuance.credential.already-revoked');
    spec
      .given([...lifecycle, revoked])
      .when({ type: 'ReinstateCredential', credentialId: 'c1', reason: 'oops', authority: admin(UNI_A) })
      .thenThrows('issuance.credential.cannot-reinstate');
  });

  it('lets issuance revoke a superseded credential, idempotently', () => {
    const revoke: CredentialCommand = {
      type: 'RevokeCredential',
      credentialId: 'c1',
      reason: 'superseded: grade amended',
      authority: { kind: 'issuance-process' },
      supersededBy: 'c2',
    };
    const revoked: CredentialEvent = {
      type: 'CredentialRevoked',
      data: { credentialId: 'c1', reason: 'superseded: grade amended', supersededBy: 'c2', wasIssued: true, status },
    };
    spec.given(lifecycle).when(revoke).then([revoked]);
    spec
      .given([...lifecycle, revoked])
      .when(revoke)
      .thenNothingHappened();
  });

  it('abandons a draft still waiting for proofs', () => {
    spec
      .given([drafted, proofAdded(UNI_A)])
      .when({ type: 'RevokeCredential', credentialId: 'c1', reason: 'award rescinded', authority: { kind: 'issuance-process' } })
      .then([{ type: 'CredentialRevoked', data: { credentialId: 'c1', reason: 'award rescinded', wasIssued: false, status } }]);
  });
});
