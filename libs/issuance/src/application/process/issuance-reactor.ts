import { ERASED, type RecordedEvent } from '@alliance/event-sourcing';
import type { AwardGranted, AwardRescinded } from '../../domain/award/award.events';
import type { CredentialIssued, CredentialRevoked } from '../../domain/credential/credential.events';
import { recordFinalRevocationOf } from '../../domain/final-revocation/final-revocation.commands';
import type { FinalRevocationLifted } from '../../domain/final-revocation/final-revocation.events';
import type { MembershipStatusLearned, RegisteredKeyLearned, SpecVersionLearned } from '../../domain/knowledge/knowledge.events';
import type { SigningKeyGenerated, SigningPolicySet } from '../../domain/signing/signer.events';
import { CollectAutomaticProofsCommand, type CollectAutomaticProofsHandler } from '../commands/collect-automatic-proofs';
import { IssueCredentialCommand, type IssueCredentialHandler } from '../commands/issue-credential';
import { IssuanceAggregates } from '../issuance-aggregates';
import type { IssuanceQueries } from '../ports/issuance-queries.port';
import type { AwardProcess } from './award-process';
import { processContext } from './process-context';

type Reaction = (event: RecordedEvent) => Promise<void>;

/**
 * What issuance does after its own facts: a granted award becomes a credential, a rescinded one is revoked,
 * an issued or revoked part moves stacks, a newly usable key or policy resumes waiting signatures, a
 * reinstated member resumes the awards that waited for it, a revocation for good bars (until lifted) a
 * new credential for the learner. (Learners' mail has its own subscription: see LearnerMessages.)
 * Every reaction is idempotent, because a checkpointed subscription may deliver an event again after a crash.
 */
export class IssuanceReactor {
  readonly reactions: Record<string, Reaction>;

  constructor(
    private readonly aggregates: IssuanceAggregates,
    private readonly queries: IssuanceQueries,
    private readonly awards: AwardProcess,
    private readonly issue: IssueCredentialHandler,
    private readonly collect: CollectAutomaticProofsHandler,
  ) {
    this.reactions = {
      AwardGranted: (e) => this.granted(e as RecordedEvent<AwardGranted['data']>),
      AwardRescinded: (e) => this.rescinded(e as RecordedEvent<AwardRescinded['data']>),
      CredentialIssued: (e) => this.awards.partIssued((e as RecordedEvent<CredentialIssued['data']>).data, processContext(cause(e))),
      CredentialRevoked: (e) => this.revoked(e as RecordedEvent<CredentialRevoked['data']>),
      SpecVersionLearned: (e) =>
        this.awards.specLearned((e as RecordedEvent<SpecVersionLearned['data']>).data.spec, processContext(cause(e))),
      RegisteredKeyLearned: (e) => this.resumeSigning((e as RecordedEvent<RegisteredKeyLearned['data']>).data.institutionId, e),
      SigningKeyGenerated: (e) => this.resumeSigning((e as RecordedEvent<SigningKeyGenerated['data']>).data.institutionId, e),
      SigningPolicySet: (e) => this.resumeSigning((e as RecordedEvent<SigningPolicySet['data']>).data.institutionId, e),
      MembershipStatusLearned: (e) => this.membershipChanged(e as RecordedEvent<MembershipStatusLearned['data']>),
      FinalRevocationLifted: (e) => {
        const { learnerId, specId } = (e as RecordedEvent<FinalRevocationLifted['data']>).data;
        return this.awards.finalRevocationLifted(learnerId, specId, processContext(cause(e)));
      },
    };
  }

  get eventTypes(): string[] {
    return Object.keys(this.reactions);
  }

  async react(event: RecordedEvent): Promise<void> {
    await this.reactions[event.type]?.(event);
  }

  private async granted(e: RecordedEvent<AwardGranted['data']>): Promise<void> {
    // The learner was erased since: no credential can name them any more.
    if (e.data.learner.name === ERASED) return;
    await this.issue.execute(IssueCredentialCommand.create({ award: e.data, ...processContext(cause(e)) }));
  }

  private async rescinded(e: RecordedEvent<AwardRescinded['data']>): Promise<void> {
    // A grant made after the learner's erasure was never drafted (see granted): there is nothing to revoke.
    if (!(await this.aggregates.credential.load(e.data.credentialId)).state) return;
    await this.aggregates.credential.handle(
      e.data.credentialId,
      {
        type: 'RevokeCredential',
        credentialId: e.data.credentialId,
        reason: `award rescinded: ${e.data.reason}`,
        authority: { kind: 'issuance-process' },
      },
      processContext(cause(e)),
    );
  }

  private async revoked(e: RecordedEvent<CredentialRevoked['data']>): Promise<void> {
    const credential = (await this.aggregates.credential.load(e.data.credentialId)).state;
    if (!credential) return;
    if (e.data.final && e.data.institutionId) {
      // The revocation handler records it before answering; this covers a crash in between.
      await this.aggregates.finalRevocation.handle(
        { learnerId: credential.learnerId, specId: credential.specId },
        recordFinalRevocationOf(credential, e.data.institutionId, e.data.reason),
        processContext(cause(e)),
      );
    }
    // A superseded part is replaced by its re-issue (which records itself as the part); only a real revocation withdraws it.
    if (!e.data.wasIssued || e.data.supersededBy) return;
    await this.awards.partRevoked(
      { credentialId: credential.credentialId, specId: credential.specId, learnerId: credential.learnerId, reason: e.data.reason },
      processContext(cause(e)),
    );
  }

  /** Pending signatures are tried again (a removed member's are refused by the credential itself); a reinstatement resumes awards. */
  private async membershipChanged(e: RecordedEvent<MembershipStatusLearned['data']>): Promise<void> {
    await this.resumeSigning(e.data.institutionId, e);
    if (e.data.status === 'active') await this.awards.memberReinstated(e.data.institutionId, processContext(cause(e)));
  }

  private async resumeSigning(institutionId: string, e: RecordedEvent): Promise<void> {
    for (const credentialId of await this.queries.pendingCredentialsOf(institutionId)) {
      await this.collect.execute(CollectAutomaticProofsCommand.create({ credentialId, ...processContext(cause(e)) }));
    }
  }
}

const cause = (e: RecordedEvent) => ({ eventId: e.eventId, correlationId: e.metadata.correlationId });
