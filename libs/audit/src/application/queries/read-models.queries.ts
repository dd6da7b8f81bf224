import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { READ_MODEL_AUDITOR } from '../../audit.tokens';
import type { ReadModelAuditor } from '../../infrastructure/read-model-auditor';

export type RegisteredReadModel = ReturnType<ReadModelAuditor['list']>[number];

/** Read models the contexts registered for replay. */
export class ListReadModelsQuery extends Query<RegisteredReadModel[]> {}

@QueryHandler(ListReadModelsQuery)
export class ListReadModelsHandler implements IQueryHandler<ListReadModelsQuery> {
  constructor(@Inject(READ_MODEL_AUDITOR) private readonly auditor: ReadModelAuditor) {}

  async execute(): Promise<RegisteredReadModel[]> {
    return this.auditor.list();
  }
}
