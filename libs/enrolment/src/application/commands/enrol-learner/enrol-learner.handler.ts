import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { EnrolmentException } from '../../../domain/enrolment.exception';
import { holdsLearner, requireHeldBy } from '../../../domain/learner/learner-control.rules';
import { IdentityVault } from '../../personal-data/identity-vault';
import { requireActingFor } from '../../acting-for';
import { EnrolmentAggregates } from '../../enrolment-aggregates';
import { EnrolmentKnowledge } from '../../ports/enrolment-knowledge.port';
import { EnrolLearnerCommand, type EnrolmentRecorded } from './enrol-learner.command';

@CommandHandler(EnrolLearnerCommand)
export class EnrolLearnerHandler implements ICommandHandler<EnrolLearnerCommand> {
  constructor(
    private readonly aggregates: EnrolmentAggregates,
    private readonly knowledge: EnrolmentKnowledge,
    private readonly vault: IdentityVault,
  ) {}

  async execute(command: EnrolLearnerCommand): Promise<EnrolmentRecorded> {
    requireActingFor(command.actor, command.institutionId);
    const learnerId = await this.resolveLearner(command);
    const enrolmentId = command.enrolmentId ?? uuidv7();
    const [spec, heldCredentials, enrolling] = await Promise.all([
      this.knowledge.specVersion(command.credentialSpecId, command.specVersion),
      this.knowledge.heldCredentials(learnerId),
      this.knowledge.memberStanding(command.institutionId),
    ]);
    const { revision } = await this.aggregates.learner.load(learnerId);
    const identity = await this.vault.seal(learnerId, command.learner);
    try {
      await this.aggregates.learner.handle(
        learnerId,
        {
          type: 'Enrol',
          enrolmentId,
          learnerId,
          institutionId: command.institutionId,
          enrolling,
          credentialSpecId: command.credentialSpecId,
          ...(command.specVersion !== undefined ? { requestedVersion: command.specVersion } : {}),
          spec,
          identity,
          consent: { givenAt: new Date(command.consent.givenAt).toISOString(), textVersion: command.consent.textVersion },
          heldCredentials,
        },
        command.commandContext(),
      );
    } catch (error) {
      // A learner created for a refused request leaves no key behind.
      if (revision < 0 && (await this.aggregates.learner.load(learnerId)).revision < 0) await this.vault.erase(learnerId);
      throw error;
    }
    return { enrolmentId, learnerId };
  }

  private async resolveLearner(command: EnrolLearnerCommand): Promise<string> {
    if (command.learnerId) {
      const { state } = await this.aggregates.learner.load(command.learnerId);
      // Unknown, or held only by other institutions: the same 404 either way.
      requireHeldBy(state, command.learnerId, command.institutionId);
      if (state.erased)
        throw new EnrolmentException(
          'enrolment.learner-erased',
          `learner ${command.learnerId} was erased; enrol them as a new learner`,
          'learnerId',
        );
      return command.learnerId;
    }
    // The same address at another institution is another institution's learner: only one this institution
    // already holds is found again. Learner ids are generated, never taken from the request: they appear in
    // stream names, which erasure cannot touch.
    for (const candidate of await this.vault.learnerIdsForEmail(command.learner.email)) {
      const { state } = await this.aggregates.learner.load(candidate);
      if (!state.erased && holdsLearner(state, command.institutionId)) return candidate;
    }
    return uuidv7();
  }
}
