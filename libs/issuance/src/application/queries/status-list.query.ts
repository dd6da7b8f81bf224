import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { StatusListPublisher } from '../status/status-list-publisher';

export type ServedStatusList = Awaited<ReturnType<StatusListPublisher['document']>>;

/** A published status list credential as served to whoever checks a status, with its ETag. */
export class StatusListDocumentQuery extends Query<ServedStatusList> {
  constructor(readonly listId: string) {
    super();
  }
}

@QueryHandler(StatusListDocumentQuery)
export class StatusListDocumentHandler implements IQueryHandler<StatusListDocumentQuery> {
  constructor(private readonly publisher: StatusListPublisher) {}

  execute(query: StatusListDocumentQuery): Promise<ServedStatusList> {
    return this.publisher.document(query.listId);
  }
}
