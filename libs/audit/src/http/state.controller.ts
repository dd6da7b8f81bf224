import { Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation } from '@nestjs/swagger';
import { StateAtQuery } from '../application/queries/history.queries';
import { AuditException } from '../domain/audit.exception';
import { AuditorController } from './auditor-controller';
import { InstantQueryDto, requestedInstant } from './instant-query.dto';

const STREAM_ID = /^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*-.{1,200}$/;

@AuditorController('point-in-time', 'streams')
export class StateController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':streamId/state')
  @ApiOperation({ summary: 'State of any aggregate as of an instant (or the end of a date), replayed from its stream' })
  async stateAt(@Param('streamId') streamId: string, @Query() query: InstantQueryDto) {
    if (!STREAM_ID.test(streamId))
      throw new AuditException('audit.unknown-stream', 'streamId must be <context>.<aggregate>-<id>', 'streamId');
    const at = requestedInstant(query);
    return this.queries.execute(new StateAtQuery(streamId, at));
  }
}
