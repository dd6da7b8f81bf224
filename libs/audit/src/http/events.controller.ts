import { Get, Headers, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiProduces } from '@nestjs/swagger';
import type { Response } from 'express';
import type { EventFilter } from '../application/event-filter';
import { EventsPageQuery, EventStreamQuery } from '../application/queries/events.queries';
import { AuditorController } from './auditor-controller';
import { EventsQueryDto } from './events-query.dto';

@AuditorController('events', 'events')
export class EventsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'Events of every service, filtered; paginated JSON, or the whole range streamed as NDJSON (Accept: application/x-ndjson)',
  })
  @ApiProduces('application/json', 'application/x-ndjson')
  async list(@Query() query: EventsQueryDto, @Headers('accept') accept: string | undefined, @Res() res: Response): Promise<void> {
    const filter = toFilter(query);
    if (accept?.includes('application/x-ndjson')) {
      const events = await this.queries.execute(new EventStreamQuery(filter));
      res.status(200).type('application/x-ndjson');
      for await (const item of events) {
        if (!res.write(JSON.stringify(item) + '\n')) await new Promise((r) => res.once('drain', r));
      }
      res.end();
      return;
    }
    res.status(200).json(await this.queries.execute(new EventsPageQuery(filter, query.limit, query.cursor)));
  }
}

function toFilter(q: EventsQueryDto): EventFilter {
  return {
    ...(q.store ? { stores: q.store } : {}),
    ...(q.stream ? { streamId: q.stream } : {}),
    ...(q.streamPrefix ? { streamPrefix: q.streamPrefix } : {}),
    ...(q.type ? { eventTypes: q.type } : {}),
    ...(q.from ? { from: q.from } : {}),
    ...(q.to ? { to: q.to } : {}),
    ...(q.correlationId ? { correlationId: q.correlationId } : {}),
    ...(q.actor ? { actor: q.actor } : {}),
    ...(q.institution ? { institution: q.institution } : {}),
  };
}
