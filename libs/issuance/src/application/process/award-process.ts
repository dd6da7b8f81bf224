import type { CommandContext } from '@alliance/event-sourcing';
import type { LearnerEnrolledV1, LearnerTransferredV1, LearnerWithdrawnV1, ResultAmendedV1, ResultRecordedV1 } from '@alliance/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { CredentialIssued } from '../../domain/credential/credential.events';
import type { SpecSnapshot } from '../../domain/knowledge/spec-snapshot';
import type { AggregateHandlers } from '../issuance-handlers';
import { issuanceStreams } from '../issuance-streams';
import type { KnowledgeReader } from '../knowledge/knowledge-reader';
import type { IssuanceQueries } from '../ports/issuance-queries.port';
import { stackAwardId } from './process-context';

/**
 * The process manager's side that follows learners: enrolments, results and awarded parts go to the award
 * track of the learner, and the track decides (grant, re-grant, rescind) on the definition it is on.
 */
export class AwardProcess {
  constructor(
    private readonly aggregates: AggregateHandlers,
    private readonly knowledge: KnowledgeReader,
    private readonly queries: IssuanceQueries,
    private readonly newId: () => string = uuidv7,
  ) {}

  async enrolled(p: LearnerEnrolledV1, context: CommandContext): Promise<void> {
    await this.aggregates.awards.handle(
      issuanceStreams.award(p.enrolmentId),
      {
        type: 'OpenAwardTrack',
        awardId: p.enrolmentId,
        learner: { learnerId: p.learnerId, name: p.learner.name, ...(p.learner.email ? { email: p.learner.email } : {}) },
        specId: p.credentialSpecId,
        specVersion: p.specVersion,
        enrolmentId: p.enrolmentId,
        enrolledAt: p.enrolledAt,
        ...(await this.inputs(p.credentialSpecId, p.specVersion)),
      },
      context,
    );
  }

  async withdrawn(p: LearnerWithdrawnV1, context: CommandContext): Promise<void> {
    await this.ensureTrack(p.enrolmentId);
    await this.aggregates.awards.handle(issuanceStreams.award(p.enrolmentId), { type: 'CloseAwardTrack', awardId: p.enrolmentId, reason: `withdrawn: ${p.reason}` }, context);
  }

  async transferred(p: LearnerTransferredV1, context: CommandContext): Promise<void> {
    await this.ensureTrack(p.enrolmentId);
    await this.aggregates.awards.handle(
      issuanceStreams.award(p.enrolmentId),
      { type: 'TransferAwardTrack', awardId: p.enrolmentId, specId: p.to.credentialSpecId, specVersion: p.to.specVersion, ...(p.reason ? { reason: p.reason } : {}), ...(await this.inputs(p.to.credentialSpecId, p.to.specVersion)) },
      context,
    );
  }

  async result(p: ResultRecordedV1 | ResultAmendedV1, context: CommandContext): Promise<void> {
    const amendmentReason = 'reason' in p ? p.reason : undefined;
    await this.aggregates.awards.handle(
      issuanceStreams.award(p.enrolmentId),
      {
        type: 'RecordComponentResult',
        awardId: p.enrolmentId,
        result: {
          resultId: p.resultId,
          componentCode: p.componentCode,
          institutionId: p.institutionId,
          passed: p.passed,
          ...(p.grade !== undefined ? { grade: p.grade } : {}),
          assessedAt: p.assessedAt,
          ...(amendmentReason ? { amendmentReason } : {}),
        },
        ...(await this.inputs(p.credentialSpecId, p.specVersion)),
      },
      context,
    );
  }

  /** A definition was learned: tracks that waited for it decide now; a stack takes in the parts learners already hold. */
  async specLearned(spec: SpecSnapshot, context: CommandContext): Promise<void> {
    for (const awardId of await this.queries.waitingTracksOf(spec.specId, spec.version)) {
      await this.aggregates.awards.handle(issuanceStreams.award(awardId), { type: 'EvaluateAward', awardId, spec, nextCredentialId: this.newId() }, context);
    }
    for (const part of spec.stackParts ?? []) {
      for (const held of await this.queries.standingCredentialsOf(part.credentialSpecId)) {
        await this.recordPart(spec, held.learnerId, held.awardId, { specId: part.credentialSpecId, credentialId: held.credentialId, awardedAt: held.awardedAt }, context);
      }
    }
  }

  /** A credential was issued: every stack it is a part of moves on for that learner. */
  async partIssued(issued: CredentialIssued['data'], context: CommandContext): Promise<void> {
    for (const { stackSpecId, stackVersion } of await this.queries.stacksContaining(issued.specId)) {
      const stack = await this.knowledge.spec(stackSpecId, stackVersion);
      if (!stack) continue;
      await this.recordPart(stack, issued.learnerId, issued.awardId, { specId: issued.specId, credentialId: issued.credentialId, awardedAt: issued.awardedAt }, context);
    }
  }

  /** A part was revoked (not superseded): stacks resting on it no longer stand. */
  async partRevoked(revoked: { credentialId: string; specId: string; learnerId: string; reason: string }, context: CommandContext): Promise<void> {
    for (const { stackSpecId, stackVersion } of await this.queries.stacksContaining(revoked.specId)) {
      const awardId = (await this.queries.trackOf(revoked.learnerId, stackSpecId)) ?? stackAwardId(revoked.learnerId, stackSpecId);
      if (!(await this.aggregates.awards.load(issuanceStreams.award(awardId))).state) continue;
      await this.aggregates.awards.handle(
        issuanceStreams.award(awardId),
        { type: 'WithdrawStackPart', awardId, specId: revoked.specId, credentialId: revoked.credentialId, reason: revoked.reason, ...(await this.inputs(stackSpecId, stackVersion)) },
        context,
      );
    }
  }

  private async recordPart(stack: SpecSnapshot, learnerId: string, partAwardId: string, part: { specId: string; credentialId: string; awardedAt: string }, context: CommandContext): Promise<void> {
    const awardId = (await this.queries.trackOf(learnerId, stack.specId)) ?? stackAwardId(learnerId, stack.specId);
    const stream = issuanceStreams.award(awardId);
    if (!(await this.aggregates.awards.load(stream)).state?.opened) {
      const partTrack = (await this.aggregates.awards.load(issuanceStreams.award(partAwardId))).state;
      if (!partTrack?.learner) return;
      await this.aggregates.awards.handle(
        stream,
        { type: 'OpenAwardTrack', awardId, learner: partTrack.learner, specId: stack.specId, specVersion: stack.version, spec: stack, nextCredentialId: this.newId() },
        context,
      );
    }
    await this.aggregates.awards.handle(stream, { type: 'RecordStackPart', awardId, part, spec: stack, nextCredentialId: this.newId() }, context);
  }

  private async inputs(specId: string, version: number): Promise<{ spec?: SpecSnapshot; nextCredentialId: string }> {
    const spec = await this.knowledge.spec(specId, version);
    return { ...(spec ? { spec } : {}), nextCredentialId: this.newId() };
  }

  // A withdrawal or transfer can overtake the enrolment on another partition; it then has nothing to act on yet.
  private async ensureTrack(awardId: string): Promise<void> {
    if (!(await this.aggregates.awards.load(issuanceStreams.award(awardId))).state) {
      throw new Error(`award track ${awardId} is not known yet; the message will be retried`);
    }
  }
}
