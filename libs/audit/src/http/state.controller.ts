import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsISO8601 } from 'class-validator';
import { DomainError } from '@alliance/event-sourcing';
import { Roles } from '@alliance/nest-kit';
import { type StateReplayer, UnknownStoreError } from '../application/state-replayer';
import { STATE_REPLAYER } from '../audit.tokens';

class AtQueryDto {
  @IsISO8601({ strict: true })
  at!: string;
}

@ApiTags('point-in-time')
@ApiBearerAuth()
@Roles('auditor', 'alliance-admin')
@Controller('streams')
export class StateController {
  constructor(@Inject(STATE_REPLAYER) private readonly replayer: StateReplayer) {}

  @Get(':streamId/state')
  @ApiOperation({ summary: 'State of any aggregate as of an instant, replayed from its stream' })
  async stateAt(@Param('streamId') streamId: string, @Query() query: AtQueryDto) {
    try {
      return await this.replayer.stateAt(streamId, new Date(query.at).toISOString());
    } catch (e) {
      if (e instanceof UnknownStoreError) throw new DomainError('audit.unknown-stream', e.message, 404, 'streamId');
      throw e;
    }
  }
}
