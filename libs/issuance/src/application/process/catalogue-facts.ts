import { announcedKeyProblem } from '@alliance/credentials';
import type { CommandContext } from '@alliance/event-sourcing';
import type {
  CredentialSpecPublishedV1,
  InstitutionKeyRevokedV1,
  InstitutionKeyRotatedV1,
  InstitutionRegisteredV1,
  SigningKeyV1,
} from '@alliance/contracts';
import { Logger } from '@nestjs/common';
import type { MembershipStatus, RegisteredKey } from '../../domain/knowledge/institution-snapshot';
import { IssuanceAggregates } from '../issuance-aggregates';
import { specSnapshotOf } from '../inbound/spec-snapshot.mapper';

const keyOf = (k: SigningKeyV1): RegisteredKey => ({
  keyId: k.keyId,
  verificationMethodId: k.verificationMethodId,
  publicKeyMultibase: k.publicKeyMultibase,
  custody: k.custody,
  validFrom: k.validFrom,
  ...(k.validUntil ? { validUntil: k.validUntil } : {}),
});

/** Records what the catalogue publishes as facts issuance knows (definitions, members, their keys and standing). */
export class CatalogueFacts {
  private readonly logger = new Logger('CatalogueFacts');

  constructor(private readonly aggregates: IssuanceAggregates) {}

  async specPublished(p: CredentialSpecPublishedV1, context: CommandContext): Promise<void> {
    await this.aggregates.knownSpec.handle(p.credentialSpecId, { type: 'LearnSpecVersion', spec: specSnapshotOf(p) }, context);
  }

  async institutionRegistered(p: InstitutionRegisteredV1, context: CommandContext): Promise<void> {
    const { institutionId, name, legalName, countryCode, region, homepage, did, registeredAt, status } = p;
    await this.aggregates.knownInstitution.handle(
      institutionId,
      {
        type: 'LearnInstitution',
        profile: {
          institutionId,
          name,
          legalName,
          countryCode,
          ...(region ? { region } : {}),
          homepage,
          did,
          registeredAt,
          ...(status === 'pending' ? { initialStatus: 'pending' as const } : {}),
        },
      },
      context,
    );
  }

  async keyAdded(institutionId: string, key: SigningKeyV1, context: CommandContext): Promise<void> {
    if (!this.possessed(institutionId, key)) return;
    await this.aggregates.knownInstitution.handle(institutionId, { type: 'LearnRegisteredKey', institutionId, key: keyOf(key) }, context);
  }

  async keyRotated(p: InstitutionKeyRotatedV1, context: CommandContext): Promise<void> {
    await this.aggregates.knownInstitution.handle(
      p.institutionId,
      { type: 'LearnKeyWindow', institutionId: p.institutionId, keyId: p.previousKeyId, validUntil: p.previousValidUntil },
      context,
    );
    if (!this.possessed(p.institutionId, p.newKey)) return;
    await this.aggregates.knownInstitution.handle(
      p.institutionId,
      { type: 'LearnRegisteredKey', institutionId: p.institutionId, key: keyOf(p.newKey) },
      context,
    );
  }

  async keyRevoked(p: InstitutionKeyRevokedV1, context: CommandContext): Promise<void> {
    const { institutionId, keyId, reason, revokedAt, compromisedSince } = p;
    await this.aggregates.knownInstitution.handle(
      institutionId,
      { type: 'LearnKeyRevocation', institutionId, keyId, reason, revokedAt, ...(compromisedSince ? { compromisedSince } : {}) },
      context,
    );
  }

  /** A key whose possession proof does not hold is not the institution's: issuance never binds it. */
  private possessed(institutionId: string, key: SigningKeyV1): boolean {
    const problem = announcedKeyProblem(institutionId, key);
    if (problem)
      this.logger.warn({ institutionId, keyId: key.keyId, problem }, 'registered key ignored: its proof of possession does not hold');
    return !problem;
  }

  async membershipChanged(
    institutionId: string,
    status: MembershipStatus,
    from: string,
    reason: string | undefined,
    context: CommandContext,
  ): Promise<void> {
    await this.aggregates.knownInstitution.handle(
      institutionId,
      { type: 'LearnMembershipStatus', institutionId, status, from, ...(reason ? { reason } : {}) },
      context,
    );
  }
}
