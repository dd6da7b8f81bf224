import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AssessmentException } from '../../../domain/assessment.exception';
import { ResultRecords } from '../../ports/result-records.port';
import { resultView, type ResultView } from '../result-view';
import { GetResultQuery } from './get-result.query';

@QueryHandler(GetResultQuery)
export class GetResultHandler implements IQueryHandler<GetResultQuery> {
  constructor(private readonly records: ResultRecords) {}

  async execute(query: GetResultQuery): Promise<ResultView> {
    const row = await this.records.get(query.resultId);
    // A learner reads only their own results; another's is "not found" rather than a hint it exists.
    if (!row || (query.actor.role === 'learner' && row.learnerId !== query.actor.subject)) {
      throw new AssessmentException('assessment.result-not-found', `No result ${query.resultId}.`, 'resultId');
    }
    return resultView(row);
  }
}
