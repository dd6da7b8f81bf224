import type { CommandContext } from '@alliance/event-sourcing';
import type { CredentialSpecPublishedV1, InstitutionKeyRotatedV1, InstitutionRegisteredV1, SigningKeyV1 } from '@alliance/contracts';
import type { MembershipStatus, RegisteredKey } from '../../domain/knowledge/institution-snapshot';
import type { AggregateHandlers } from '../issuance-handlers';
import { issuanceStreams } from '../issuance-streams';
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
  constructor(private readonly aggregates: AggregateHandlers) {}

  async specPublished(p: CredentialSpecPublishedV1, context: CommandContext): Promise<void> {
    await this.aggregates.knownSpecs.handle(issuanceStreams.knownSpec(p.credentialSpecId), { type: 'LearnSpecVersion', spec: specSnapshotOf(p) }, context);
  }

  async institutionRegistered(p: InstitutionRegisteredV1, context: CommandContext): Promise<void> {
    const { institutionId, name, legalName, countryCode, region, homepage, did, registeredAt } = p;
    await this.aggregates.knownInstitutions.handle(
      issuanceStreams.knownInstitution(institutionId),
      { type: 'LearnInstitution', profile: { institutionId, name, legalName, countryCode, ...(region ? { region } : {}), homepage, did, registeredAt } },
      context,
    );
  }

  async keyAdded(institutionId: string, key: SigningKeyV1, context: CommandContext): Promise<void> {
    await this.aggregates.knownInstitutions.handle(issuanceStreams.knownInstitution(institutionId), { type: 'LearnRegisteredKey', institutionId, key: keyOf(key) }, context);
  }

  async keyRotated(p: InstitutionKeyRotatedV1, context: CommandContext): Promise<void> {
    const stream = issuanceStreams.knownInstitution(p.institutionId);
    await this.aggregates.knownInstitutions.handle(stream, { type: 'LearnKeyWindow', institutionId: p.institutionId, keyId: p.previousKeyId, validUntil: p.previousValidUntil }, context);
    await this.aggregates.knownInstitutions.handle(stream, { type: 'LearnRegisteredKey', institutionId: p.institutionId, key: keyOf(p.newKey) }, context);
  }

  async membershipChanged(institutionId: string, status: MembershipStatus, from: string, reason: string | undefined, context: CommandContext): Promise<void> {
    await this.aggregates.knownInstitutions.handle(
      issuanceStreams.knownInstitution(institutionId),
      { type: 'LearnMembershipStatus', institutionId, status, from, ...(reason ? { reason } : {}) },
      context,
    );
  }
}
