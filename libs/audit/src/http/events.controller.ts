import { Controller, Get, Headers, Inject, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuditException } from '../audit.exception';
import { Roles } from '@alliance/nest-kit';
import type { AuditSource } from '../application/audit-source';
import type { EventFilter } from '../application/event-filter';
import { queryEvents, queryPage } from '../application/event-query';
import { AUDIT_SOURCES } from '../audit.tokens';
import { EventsQueryDto } from './events-query.dto';

@ApiTags('events')
@ApiBearerAuth()
@Roles('auditor', 'alliance-admin')
@Controller('events')
export class EventsController {
  constructor(@Inject(AUDIT_SOURCES) private readonly sources: AuditSource[]) {}

  @Get()
  @ApiOperation({
    summary: 'Events of every service, filtered; paginated JSON, or the whole range streamed as NDJSON (Accept: application/x-ndjson)',
  })
  @ApiProduces('application/json', 'application/x-ndjson')
  async list(@Query() query: EventsQueryDto, @Headers('accept') accept: string | undefined, @Res() res: Response): Promise<void> {
    const filter = toFilter(query);
    const unknown = (query.store ?? []).filter((s) => !this.sources.some((src) => src.name === s));
    if (unknown.length) throw new AuditException('audit.unknown-store', `unknown store(s): ${unknown.join(', ')}`, 'store');
    if (accept?.includes('application/x-ndjson')) {
      res.status(200).type('application/x-ndjson');
      for await (const item of queryEvents(this.sources, filter)) {
        if (!res.write(JSON.stringify(item) + '\n')) await new Promise((r) => res.once('drain', r));
      }
      res.end();
      return;
    }
    res.status(200).json(await queryPage(this.sources, filter, query.limit, query.cursor));
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
