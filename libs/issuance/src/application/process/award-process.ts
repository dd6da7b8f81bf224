import type { CommandContext } from '@alliance/event-sourcing';
import type { LearnerEnrolledV1, LearnerTransferredV1, LearnerWithdrawnV1, ResultAmendedV1, ResultRecordedV1 } from '@alliance/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { EvaluationInputs } from '../../domain/award/award.commands';
import type { CredentialIssued } from '../../domain/credential/credential.events';
import { finalRevocationStanding } from '../../domain/final-revocation/final-revocation.state';
import type { MemberStanding } from '../../domain/knowledge/member-standing';
import type { SpecSnapshot } from '../../domain/knowledge/spec-snapshot';
import { IssuanceAggregates } from '../issuance-aggregates';
import type { KnowledgeReader } from '../knowledge/knowledge-reader';
import type { IssuanceQueries } from '../ports/issuance-queries.port';
import { stackAwardId } from './process-context';

/**
 * The process manager's side that follows learners: enrolments, results and awarded parts go to the award
 * track of the learner, and the track decides (grant, re-grant, rescind) on the definition it is on.
 */
export class AwardProcess {
  constructor(
    private readonly aggregates: IssuanceAggregates,
    private readonly knowledge: KnowledgeReader,
    private readonly queries: IssuanceQueries,
    private readonly newId: () => string = uuidv7,
  ) {}

  async enrolled(p: LearnerEnrolledV1, context: CommandContext): Promise<void> {
    await this.aggregates.award.handle(
      p.enrolmentId,
      {
        type: 'OpenAwardTrack',
        awardId: p.enrolmentId,
        learner: { learnerId: p.learnerId, name: p.learner.name, ...(p.learner.email ? { email: p.learner.email } : {}) },
        specId: p.credentialSpecId,
        specVersion: p.specVersion,
        enrolmentId: p.enrolmentId,
        enrolledAt: p.enrolledAt,
        ...(await this.inputs(p.credentialSpecId, p.specVersion, p.learnerId)),
      },
      context,
    );
  }

  async withdrawn(p: LearnerWithdrawnV1, context: CommandContext): Promise<void> {
    await this.ensureTrack(p.enrolmentId);
    await this.aggregates.award.handle(
      p.enrolmentId,
      { type: 'CloseAwardTrack', awardId: p.enrolmentId, reason: `withdrawn: ${p.reason}` },
      context,
    );
  }

  async transferred(p: LearnerTransferredV1, context: CommandContext): Promise<void> {
    await this.ensureTrack(p.enrolmentId);
    await this.aggregates.award.handle(
      p.enrolmentId,
      {
        type: 'TransferAwardTrack',
        awardId: p.enrolmentId,
        specId: p.to.credentialSpecId,
        specVersion: p.to.specVersion,
        ...(p.reason ? { reason: p.reason } : {}),
        ...(await this.inputs(p.to.credentialSpecId, p.to.specVersion, p.learnerId)),
      },
      context,
    );
  }

  async result(p: ResultRecordedV1 | ResultAmendedV1, context: CommandContext): Promise<void> {
    const amendmentReason = 'reason' in p ? p.reason : undefined;
    await this.aggregates.award.handle(
      p.enrolmentId,
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
        ...(await this.inputs(p.credentialSpecId, p.specVersion, p.learnerId)),
      },
      context,
    );
  }

  /** A definition was learned: tracks that waited for it decide now; a stack takes in the parts learners already hold. */
  async specLearned(spec: SpecSnapshot, context: CommandContext): Promise<void> {
    for (const awardId of await this.queries.waitingTracksOf(spec.specId, spec.version)) await this.evaluate(awardId, context);
    for (const part of spec.stackParts ?? []) {
      for (const held of await this.queries.standingCredentialsOf(part.credentialSpecId)) {
        await this.recordPart(
          spec,
          held.learnerId,
          held.awardId,
          { specId: part.credentialSpecId, credentialId: held.credentialId, awardedAt: held.awardedAt },
          context,
        );
      }
    }
  }

  /** A credential was issued: every stack it is a part of moves on for that learner. */
  async partIssued(issued: CredentialIssued['data'], context: CommandContext): Promise<void> {
    for (const { stackSpecId, stackVersion } of await this.queries.stacksContaining(issued.specId)) {
      const stack = await this.knowledge.spec(stackSpecId, stackVersion);
      if (!stack) continue;
      await this.recordPart(
        stack,
        issued.learnerId,
        issued.awardId,
        { specId: issued.specId, credentialId: issued.credentialId, awardedAt: issued.awardedAt },
        context,
      );
    }
  }

  /** A part was revoked (not superseded): stacks resting on it no longer stand. */
  async partRevoked(
    revoked: { credentialId: string; specId: string; learnerId: string; reason: string },
    context: CommandContext,
  ): Promise<void> {
    for (const { stackSpecId, stackVersion } of await this.queries.stacksContaining(revoked.specId)) {
      const awardId = (await this.queries.trackOf(revoked.learnerId, stackSpecId)) ?? stackAwardId(revoked.learnerId, stackSpecId);
      if (!(await this.aggregates.award.load(awardId)).state) continue;
      await this.aggregates.award.handle(
        awardId,
        {
          type: 'WithdrawStackPart',
          awardId,
          specId: revoked.specId,
          credentialId: revoked.credentialId,
          reason: revoked.reason,
          ...(await this.inputs(stackSpecId, stackVersion, revoked.learnerId)),
        },
        context,
      );
    }
  }

  private async recordPart(
    stack: SpecSnapshot,
    learnerId: string,
    partAwardId: string,
    part: { specId: string; credentialId: string; awardedAt: string },
    context: CommandContext,
  ): Promise<void> {
    const awardId = (await this.queries.trackOf(learnerId, stack.specId)) ?? stackAwardId(learnerId, stack.specId);
    if (!(await this.aggregates.award.load(awardId)).state?.opened) {
      const partTrack = (await this.aggregates.award.load(partAwardId)).state;
      if (!partTrack?.learner) return;
      await this.aggregates.award.handle(
        awardId,
        {
          type: 'OpenAwardTrack',
          awardId,
          learner: partTrack.learner,
          specId: stack.specId,
          specVersion: stack.version,
          ...(await this.inputsFor(stack, learnerId)),
        },
        context,
      );
    }
    await this.aggregates.award.handle(
      awardId,
      { type: 'RecordStackPart', awardId, part, ...(await this.inputsFor(stack, learnerId)) },
      context,
    );
  }

  /**
   * An awarding body was reinstated: awards on definitions it co-awards may have waited for it. A track whose
   * rule is not met, or whose award stands unchanged, decides nothing.
   */
  async memberReinstated(institutionId: string, context: CommandContext): Promise<void> {
    const tracks = await this.queries.openTracks();
    const naming = new Map<string, boolean>();
    for (const track of tracks) {
      const key = `${track.specId}@${track.specVersion}`;
      if (!naming.has(key))
        naming.set(
          key,
          !!(await this.knowledge.spec(track.specId, track.specVersion))?.awardingBodies.some((b) => b.institutionId === institutionId),
        );
      if (naming.get(key)) await this.evaluate(track.awardId, context);
    }
  }

  /** A final revocation was lifted: the learner's tracks in the definition may grant again. */
  async finalRevocationLifted(learnerId: string, specId: string, context: CommandContext): Promise<void> {
    for (const awardId of await this.queries.openTracksOf(learnerId, specId)) await this.evaluate(awardId, context);
  }

  private async evaluate(awardId: string, context: CommandContext): Promise<void> {
    const track = (await this.aggregates.award.load(awardId)).state;
    if (!track?.opened || !track.specId || track.specVersion === undefined) return;
    const inputs = await this.inputs(track.specId, track.specVersion, track.learner?.learnerId);
    if (!inputs.spec) return;
    await this.aggregates.award.handle(awardId, { type: 'EvaluateAward', awardId, ...inputs }, context);
  }

  private async inputs(specId: string, version: number, learnerId: string | undefined): Promise<EvaluationInputs> {
    const spec = await this.knowledge.spec(specId, version);
    if (!spec) return { nextCredentialId: this.newId(), standing: {} };
    return this.inputsFor(spec, learnerId);
  }

  /** The definition, each awarding body's standing now, and the learner's final revocation in it, if any. */
  private async inputsFor(spec: SpecSnapshot, learnerId: string | undefined): Promise<EvaluationInputs> {
    const standing: Record<string, MemberStanding> = {};
    const known = await this.knowledge.institutions(spec.awardingBodies.map((b) => b.institutionId));
    for (const b of spec.awardingBodies) standing[b.institutionId] = known.get(b.institutionId)?.status ?? 'not-registered';
    const barred = learnerId
      ? finalRevocationStanding((await this.aggregates.finalRevocation.load({ learnerId, specId: spec.specId })).state)
      : undefined;
    return { spec, nextCredentialId: this.newId(), standing, ...(barred ? { finalRevocation: barred } : {}) };
  }

  // A withdrawal or transfer can overtake the enrolment on another partition; it then has nothing to act on yet.
  private async ensureTrack(awardId: string): Promise<void> {
    if (!(await this.aggregates.award.load(awardId)).state) {
      throw new Error(`award track ${awardId} is not known yet; the message will be retried`);
    }
  }
}
