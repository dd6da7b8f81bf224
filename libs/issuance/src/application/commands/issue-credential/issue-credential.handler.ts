import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AwardingBodySigner } from '../../../domain/credential/credential.events';
import { IssuanceException } from '../../../domain/issuance.exception';
import { leadInstitution } from '../../../domain/knowledge/spec-snapshot';
import { DEFAULT_SIGNING_POLICY } from '../../../domain/signing/signer.state';
import { composeCredential } from '../../compose/compose-credential';
import { contextBaseUrlOf } from '../../issuance-contexts';
import { IssuanceAggregates } from '../../issuance-aggregates';
import type { IssuanceSettings } from '../../issuance-settings';
import { ISSUANCE_SETTINGS } from '../../issuance.tokens';
import { KnowledgeReader } from '../../knowledge/knowledge-reader';
import { StatusSlotAllocator } from '../../status/status-slot-allocator';
import { CollectAutomaticProofsCommand, CollectAutomaticProofsHandler } from '../collect-automatic-proofs';
import { IssueCredentialCommand, type IssueCredentialResult } from './issue-credential.command';

/**
 * Runs once per granted award (and safely again): drafts the credential, then collects the automatic
 * proofs. A superseded credential is revoked as soon as its replacement is decided.
 */
@CommandHandler(IssueCredentialCommand)
export class IssueCredentialHandler implements ICommandHandler<IssueCredentialCommand> {
  constructor(
    private readonly aggregates: IssuanceAggregates,
    private readonly knowledge: KnowledgeReader,
    private readonly allocator: StatusSlotAllocator,
    @Inject(ISSUANCE_SETTINGS) private readonly settings: IssuanceSettings,
    @Inject(CollectAutomaticProofsHandler) private readonly collector: CollectAutomaticProofsHandler,
  ) {}

  async execute(command: IssueCredentialCommand): Promise<IssueCredentialResult> {
    const { award } = command;
    if (!(await this.aggregates.credential.load(award.credentialId)).state) await this.draft(command);
    if (award.supersedes) {
      await this.aggregates.credential.handle(
        award.supersedes,
        {
          type: 'RevokeCredential',
          credentialId: award.supersedes,
          reason: `superseded by urn:uuid:${award.credentialId}: ${award.reason ?? 'amended results'}`,
          authority: { kind: 'issuance-process' },
          supersededBy: award.credentialId,
        },
        command.commandContext(),
      );
    }
    return this.collector.execute(
      CollectAutomaticProofsCommand.create({
        credentialId: award.credentialId,
        actor: command.actor,
        correlationId: command.correlationId,
        causationId: command.causationId,
      }),
    );
  }

  private async draft(command: IssueCredentialCommand): Promise<void> {
    const { award } = command;
    const spec = await this.knowledge.spec(award.specId, award.specVersion);
    if (!spec)
      throw new IssuanceException(
        'issuance.credential.definition-unknown',
        `definition ${award.specId} v${award.specVersion} is not known to issuance`,
      );
    const institutions = await this.knowledge.institutions(spec.awardingBodies.map((b) => b.institutionId));
    const previous = award.supersedes ? (await this.aggregates.credential.load(award.supersedes)).state : undefined;
    const lead = leadInstitution(spec);
    const status = await this.allocator.allocate(lead, award.credentialId, command.commandContext());
    const document = composeCredential({
      award,
      spec,
      institutions,
      status,
      publicUrl: this.settings.publicUrl(),
      contextBaseUrl: contextBaseUrlOf(this.settings),
      ...(this.settings.statusEntries ? { statusEntries: this.settings.statusEntries } : {}),
      validFrom: this.settings.clock().toISOString(),
      ...(previous?.hash ? { supersedes: { credentialId: previous.credentialId, hash: previous.hash } } : {}),
    });
    const awardingBodies: AwardingBodySigner[] = [];
    for (const b of spec.awardingBodies) {
      const signer = (await this.aggregates.signer.load(b.institutionId)).state;
      awardingBodies.push({
        institutionId: b.institutionId,
        lead: b.institutionId === lead,
        signing: signer?.policy ?? DEFAULT_SIGNING_POLICY,
      });
    }
    await this.aggregates.credential.handle(
      award.credentialId,
      {
        type: 'DraftCredential',
        credentialId: award.credentialId,
        awardId: award.awardId,
        specId: award.specId,
        specVersion: award.specVersion,
        learnerId: award.learner.learnerId,
        awardingBodies,
        document,
        cryptosuite: this.settings.cryptosuite,
        status,
        awardedAt: award.awardedAt,
        ...(award.supersedes ? { supersedes: award.supersedes } : {}),
      },
      command.commandContext(),
    );
  }
}
