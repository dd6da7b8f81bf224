import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@alliance/nest-kit';
import { auditInstant } from '../application/instant';
import { StateAtQuery } from '../application/queries/history.queries';
import { AuditException } from '../domain/audit.exception';
import { InstantQueryDto } from './instant-query.dto';

const STREAM_ID = /^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*-.{1,200}$/;

@ApiTags('point-in-time')
@ApiBearerAuth()
@Roles('auditor', 'alliance-admin')
@Controller('streams')
export class StateController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':streamId/state')
  @ApiOperation({ summary: 'State of any aggregate as of an instant (or the end of a date), replayed from its stream' })
  async stateAt(@Param('streamId') streamId: string, @Query() query: InstantQueryDto) {
    if (!STREAM_ID.test(streamId))
      throw new AuditException('audit.unknown-stream', 'streamId must be <context>.<aggregate>-<id>', 'streamId');
    const at = auditInstant(query.at);
    if (!at) throw new AuditException('audit.invalid-instant', 'at must be an ISO 8601 instant or a YYYY-MM-DD date', 'at');
    return this.queries.execute(new StateAtQuery(streamId, at));
  }
}
