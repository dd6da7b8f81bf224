import { Injectable } from '@nestjs/common';
import { AssessmentException } from '../../../domain/assessment.exception';
import { ResultRecords } from '../../ports/result-records.port';
import { resultView, type ResultView } from '../result-view';
import type { GetResultQuery } from './get-result.query';

@Injectable()
export class GetResultHandler {
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
