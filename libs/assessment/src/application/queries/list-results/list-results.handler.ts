import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ResultRecords } from '../../ports/result-records.port';
import { resultView } from '../result-view';
import { ListResultsQuery, type ResultPage } from './list-results.query';

@QueryHandler(ListResultsQuery)
export class ListResultsHandler implements IQueryHandler<ListResultsQuery> {
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
