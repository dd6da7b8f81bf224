import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { AssessmentException } from '../../../domain/assessment.exception';
import { requireInstitutionStaff } from '../../acting-registrar';
import { AssessmentAggregates } from '../../assessment-aggregates';
import { AssessmentKnowledge, specKey } from '../../ports/assessment-knowledge.port';
import { ResultRecords } from '../../ports/result-records.port';
import { AmendResultCommand } from './amend-result.command';

@CommandHandler(AmendResultCommand)
export class AmendResultHandler implements ICommandHandler<AmendResultCommand> {
  constructor(
    private readonly aggregates: AssessmentAggregates,
    private readonly knowledge: AssessmentKnowledge,
    private readonly records: ResultRecords,
  ) {}

  async execute(command: AmendResultCommand): Promise<void> {
    const institutionId = requireInstitutionStaff(command.actor);
    const actingMember = await this.knowledge.memberStanding(institutionId);
    const row = await this.records.get(command.resultId);
    if (!row) throw new AssessmentException('assessment.result-not-found', `No result ${command.resultId}.`, 'resultId');
    // The grade is read on the scheme of the version the result was published on.
    const spec = (await this.knowledge.specs([{ credentialSpecId: row.credentialSpecId, version: row.specVersion }])).get(
      specKey(row.credentialSpecId, row.specVersion),
    );
    const { grade, assessedOn, assessmentType, supervision, evidenceUrl, assessor } = command;
    const changes = Object.fromEntries(
      Object.entries({ grade, assessedOn, assessmentType, supervision, evidenceUrl, assessor }).filter(([, v]) => v !== undefined),
    );
    const handled = await this.aggregates.transcript.handle(
      row.enrolmentId,
      {
        type: 'AmendResult',
        resultId: row.resultId,
        amendmentId: command.amendmentId ?? uuidv7(),
        spec,
        changes,
        reason: command.reason,
        actingMember,
      },
      command.commandContext(),
    );
    await this.records.caughtUp(handled.lastPosition);
  }
}
