import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { AuditException } from '../../domain/audit.exception';
import { AUDIT_SOURCES } from '../../audit.tokens';
import type { AuditedEvent, AuditSource } from '../audit-source';
import type { EventFilter } from '../event-filter';
import { queryEvents, queryPage } from '../event-query';

export type EventsPage = Awaited<ReturnType<typeof queryPage>>;

/** One page of the events of every service that match the filter. */
export class EventsPageQuery extends Query<EventsPage> {
  constructor(
    readonly filter: EventFilter,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}

/** Every matching event, in order, for streaming; the stores named are checked before the first one is read. */
export class EventStreamQuery extends Query<AsyncIterable<AuditedEvent>> {
  constructor(readonly filter: EventFilter) {
    super();
  }
}

@QueryHandler(EventsPageQuery)
export class EventsPageHandler implements IQueryHandler<EventsPageQuery> {
  constructor(@Inject(AUDIT_SOURCES) private readonly sources: AuditSource[]) {}

  async execute({ filter, limit, cursor }: EventsPageQuery): Promise<EventsPage> {
    checkStores(this.sources, filter);
    return queryPage(this.sources, filter, limit, cursor);
  }
}

@QueryHandler(EventStreamQuery)
export class EventStreamHandler implements IQueryHandler<EventStreamQuery> {
  constructor(@Inject(AUDIT_SOURCES) private readonly sources: AuditSource[]) {}

  async execute({ filter }: EventStreamQuery): Promise<AsyncIterable<AuditedEvent>> {
    checkStores(this.sources, filter);
    return queryEvents(this.sources, filter);
  }
}

function checkStores(sources: AuditSource[], filter: EventFilter): void {
  const unknown = (filter.stores ?? []).filter((s) => !sources.some((src) => src.name === s));
  if (unknown.length) throw new AuditException('audit.unknown-store', `unknown store(s): ${unknown.join(', ')}`, 'store');
}
