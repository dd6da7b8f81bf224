import { deciderSpecification } from '@alliance/event-sourcing';
import { UNI_A } from '../__fixtures__/specs.fixture';
import { signerDecider } from './signer.decider';

const spec = deciderSpecification(signerDecider);
const ownAdmin = { actor: { subject: 'admin-a', role: 'institution-admin', institution: UNI_A } };
const otherAdmin = { actor: { subject: 'admin-b', role: 'institution-admin', institution: 'other' } };
const registrar = { actor: { subject: 'reg-a', role: 'registrar', institution: UNI_A } };

describe('signer: policy and generated keys', () => {
  it('an institution admin chooses manual signing for its own institution', () => {
    spec
      .given([])
      .when({ type: 'SetSigningPolicy', institutionId: UNI_A, policy: 'manual' }, ownAdmin)
      .then([{ type: 'SigningPolicySet', data: { institutionId: UNI_A, policy: 'manual', decidedBy: { subject: 'admin-a', institution: UNI_A } } }]);
  });

  it('choosing the policy in force again changes nothing', () => {
    const set = { type: 'SigningPolicySet' as const, data: { institutionId: UNI_A, policy: 'manual' as const, decidedBy: { subject: 'admin-a', institution: UNI_A } } };
    spec.given([set]).when({ type: 'SetSigningPolicy', institutionId: UNI_A, policy: 'manual' }, ownAdmin).thenNothingHappened();
  });

  it('an alliance admin can neither choose the policy nor have keys generated for a member (403)', () => {
    const allianceAdmin = { actor: { subject: 'root', role: 'alliance-admin' } };
    spec.given([]).when({ type: 'SetSigningPolicy', institutionId: UNI_A, policy: 'automatic' }, allianceAdmin).thenThrows('issuance.signing.not-institution-admin');
    spec.given([]).when({ type: 'RecordGeneratedKey', institutionId: UNI_A, keyRef: 'k1', publicKeyMultibase: 'z6Mk' }, allianceAdmin).thenThrows('issuance.signing.not-institution-admin');
  });

  it('a policy recorded without the deciding admin (set before decisions were recorded) is confirmed by the admin anew', () => {
    const legacy = { type: 'SigningPolicySet' as const, data: { institutionId: UNI_A, policy: 'automatic' as const } };
    spec
      .given([legacy])
      .when({ type: 'SetSigningPolicy', institutionId: UNI_A, policy: 'automatic' }, ownAdmin)
      .then([{ type: 'SigningPolicySet', data: { institutionId: UNI_A, policy: 'automatic', decidedBy: { subject: 'admin-a', institution: UNI_A } } }]);
  });

  it('refuses an unknown policy', () => {
    spec.given([]).when({ type: 'SetSigningPolicy', institutionId: UNI_A, policy: 'sometimes' as 'manual' }, ownAdmin).thenThrows('issuance.signing.policy');
  });

  it('refuses admins of other institutions and other roles (403)', () => {
    spec.given([]).when({ type: 'SetSigningPolicy', institutionId: UNI_A, policy: 'manual' }, otherAdmin).thenThrows('issuance.signing.not-institution-admin');
    spec.given([]).when({ type: 'RecordGeneratedKey', institutionId: UNI_A, keyRef: 'k1', publicKeyMultibase: 'z6Mk' }, registrar).thenThrows('issuance.signing.not-institution-admin');
  });

  it('records a generated key by its public half only, once', () => {
    const generated = {
      type: 'SigningKeyGenerated' as const,
      data: { institutionId: UNI_A, keyRef: 'k1', algorithm: 'Ed25519' as const, publicKeyMultibase: 'z6Mk', generatedAt: '2026-01-01T00:00:00.000Z' },
    };
    spec.given([]).when({ type: 'RecordGeneratedKey', institutionId: UNI_A, keyRef: 'k1', publicKeyMultibase: 'z6Mk' }, ownAdmin).then([generated]);
    spec.given([generated]).when({ type: 'RecordGeneratedKey', institutionId: UNI_A, keyRef: 'k1', publicKeyMultibase: 'z6Mk' }, ownAdmin).thenNothingHappened();
  });
});
