import { Injectable } from '@nestjs/common';
import { ResultRecords } from '../../ports/result-records.port';
import { resultView, type ResultView } from '../result-view';
import type { ListResultsQuery } from './list-results.query';

export interface ResultPage {
  items: ResultView[];
  total: number;
  limit: number;
  offset: number;
}

@Injectable()
export class ListResultsHandler {
  constructor(private readonly records: ResultRecords) {}

  async execute(query: ListResultsQuery): Promise<ResultPage> {
    const { limit, offset, enrolmentId, learnerId, componentCode, institutionId, batchId } = query;
    const filter = Object.fromEntries(
      Object.entries({ enrolmentId, learnerId, componentCode, institutionId, batchId }).filter(([, v]) => v !== undefined),
    );
    // A learner sees only their own results, whatever the filter says.
    if (query.actor.role === 'learner') filter.learnerId = query.actor.subject;
    const page = await this.records.list({ ...filter, limit, offset });
    return { items: page.items.map(resultView), total: page.total, limit, offset };
  }
}
