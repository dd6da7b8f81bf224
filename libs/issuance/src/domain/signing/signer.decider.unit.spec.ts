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
      .when({ type: 'SetSigningPolicy', institutionId: UNI_A, member: 'active', policy: 'manual' }, ownAdmin)
      .then([
        {
          type: 'SigningPolicySet',
          data: { institutionId: UNI_A, policy: 'manual', decidedBy: { subject: 'admin-a', institution: UNI_A } },
        },
      ]);
  });

  it('choosing the policy in force again changes nothing', () => {
    const set = {
      type: 'SigningPolicySet' as const,
      data: { institutionId: UNI_A, policy: 'manual' as const, decidedBy: { subject: 'admin-a', institution: UNI_A } },
    };
    spec
      .given([set])
      .when({ type: 'SetSigningPolicy', institutionId: UNI_A, member: 'active', policy: 'manual' }, ownAdmin)
      .thenNothingHappened();
  });

  it('an alliance admin can neither choose the policy nor have keys generated for a member (403)', () => {
    const allianceAdmin = { actor: { subject: 'root', role: 'alliance-admin' } };
    spec
      .given([])
      .when({ type: 'SetSigningPolicy', institutionId: UNI_A, member: 'active', policy: 'automatic' }, allianceAdmin)
      .thenThrows('issuance.signing.not-institution-admin');
    spec
      .given([])
      .when({ type: 'RecordGeneratedKey', institutionId: UNI_A, member: 'active', keyRef: 'k1', publicKeyMultibase: 'z6Mk' }, allianceAdmin)
      .thenThrows('issuance.signing.not-institution-admin');
  });

  it('a policy recorded without the deciding admin (set before decisions were recorded) is confirmed by the admin anew', () => {
    const legacy = { type: 'SigningPolicySet' as const, data: { institutionId: UNI_A, policy: 'automatic' as const } };
    spec
      .given([legacy])
      .when({ type: 'SetSigningPolicy', institutionId: UNI_A, member: 'active', policy: 'automatic' }, ownAdmin)
      .then([
        {
          type: 'SigningPolicySet',
          data: { institutionId: UNI_A, policy: 'automatic', decidedBy: { subject: 'admin-a', institution: UNI_A } },
        },
      ]);
  });

  it('refuses an unknown policy', () => {
    spec
      .given([])
      .when({ type: 'SetSigningPolicy', institutionId: UNI_A, member: 'active', policy: 'sometimes' as 'manual' }, ownAdmin)
      .thenThrows('issuance.signing.policy');
  });

  it('refuses admins of other institutions and other roles (403)', () => {
    spec
      .given([])
      .when({ type: 'SetSigningPolicy', institutionId: UNI_A, member: 'active', policy: 'manual' }, otherAdmin)
      .thenThrows('issuance.signing.not-institution-admin');
    spec
      .given([])
      .when({ type: 'RecordGeneratedKey', institutionId: UNI_A, member: 'active', keyRef: 'k1', publicKeyMultibase: 'z6Mk' }, registrar)
      .thenThrows('issuance.signing.not-institution-admin');
  });

  it('records a generated key by its public half only, once', () => {
    const generated = {
      type: 'SigningKeyGenerated' as const,
      data: {
        institutionId: UNI_A,
        keyRef: 'k1',
        algorithm: 'Ed25519' as const,
        publicKeyMultibase: 'z6Mk',
        generatedAt: '2026-01-01T00:00:00.000Z',
      },
    };
    spec
      .given([])
      .when({ type: 'RecordGeneratedKey', institutionId: UNI_A, member: 'active', keyRef: 'k1', publicKeyMultibase: 'z6Mk' }, ownAdmin)
      .then([generated]);
    spec
      .given([generated])
      .when({ type: 'RecordGeneratedKey', institutionId: UNI_A, member: 'active', keyRef: 'k1', publicKeyMultibase: 'z6Mk' }, ownAdmin)
      .thenNothingHappened();
  });

  it('answers 404 for an institution issuance never learnt of, to its own admin only', () => {
    spec
      .given([])
      .when({ type: 'SetSigningPolicy', institutionId: UNI_A, member: undefined, policy: 'automatic' }, ownAdmin)
      .thenThrows(
        (e) => (e as { status: number; code: string }).status === 404 && (e as { code: string }).code === 'issuance.institution-not-found',
      );
    spec
      .given([])
      .when({ type: 'RecordGeneratedKey', institutionId: UNI_A, member: undefined, keyRef: 'k1', publicKeyMultibase: 'z6Mk' }, ownAdmin)
      .thenThrows('issuance.institution-not-found');
    spec
      .given([])
      .when({ type: 'SetSigningPolicy', institutionId: UNI_A, member: undefined, policy: 'automatic' }, otherAdmin)
      .thenThrows('issuance.signing.not-institution-admin');
  });

  it.each(['suspended', 'removed'] as const)(
    'refuses a %s member its signing policy and generated keys (403 naming its standing)',
    (member) => {
      const refused = (e: unknown) =>
        (e as { status: number; code: string }).status === 403 &&
        (e as { code: string }).code === `issuance.member-${member}` &&
        (e as Error).message.includes(member);
      spec.given([]).when({ type: 'SetSigningPolicy', institutionId: UNI_A, member, policy: 'automatic' }, ownAdmin).thenThrows(refused);
      spec
        .given([])
        .when({ type: 'RecordGeneratedKey', institutionId: UNI_A, member, keyRef: 'k1', publicKeyMultibase: 'z6Mk' }, ownAdmin)
        .thenThrows(refused);
    },
  );

  it('lets a pending member prepare its signing, as before', () => {
    spec
      .given([])
      .when({ type: 'SetSigningPolicy', institutionId: UNI_A, member: 'pending', policy: 'automatic' }, ownAdmin)
      .then([
        {
          type: 'SigningPolicySet',
          data: { institutionId: UNI_A, policy: 'automatic', decidedBy: { subject: 'admin-a', institution: UNI_A } },
        },
      ]);
  });
});
