import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { requireInstitutionStaff } from '../../acting-registrar';
import { AssessmentAggregates } from '../../assessment-aggregates';
import { resultInputOf } from '../../batch/result-row.input';
import { AssessmentKnowledge, specKey } from '../../ports/assessment-knowledge.port';
import { ResultRecords } from '../../ports/result-records.port';
import { PublishResultCommand } from './publish-result.command';

@CommandHandler(PublishResultCommand)
export class PublishResultHandler implements ICommandHandler<PublishResultCommand> {
  constructor(
    private readonly aggregates: AssessmentAggregates,
    private readonly knowledge: AssessmentKnowledge,
    private readonly records: ResultRecords,
  ) {}

  /** Returns the id of the recorded result (the same one when the request was a retry). */
  async execute(command: PublishResultCommand): Promise<string> {
    const institutionId = requireInstitutionStaff(command.actor);
    const r = command.result;
    const resultId = command.resultId ?? uuidv7();
    const actingMember = await this.knowledge.memberStanding(institutionId);
    // Only an id the client chose can already name a result; a generated one is new.
    const owner = command.resultId ? (await this.records.enrolmentsOf([resultId])).get(resultId) : undefined;
    const enrolment = (await this.knowledge.enrolments([r.enrolmentId])).get(r.enrolmentId);
    const spec = enrolment
      ? (await this.knowledge.specs([{ credentialSpecId: enrolment.credentialSpecId, version: enrolment.specVersion }])).get(
          specKey(enrolment.credentialSpecId, enrolment.specVersion),
        )
      : undefined;
    const handled = await this.aggregates.transcript.handle(
      r.enrolmentId,
      {
        type: 'PublishResults',
        enrolmentId: r.enrolmentId,
        enrolment,
        spec,
        results: [resultInputOf(resultId, r)],
        actingMember,
        recordedElsewhere: owner !== undefined && owner !== r.enrolmentId ? { [resultId]: owner } : {},
      },
      command.commandContext(),
    );
    await this.records.caughtUp(handled.lastPosition);
    return resultId;
  }
}
