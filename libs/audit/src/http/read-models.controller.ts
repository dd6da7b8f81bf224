import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Matches } from 'class-validator';
import { Roles } from '@alliance/nest-kit';
import { READ_MODEL_AUDITOR } from '../audit.tokens';
import type { ReadModelAuditor } from '../infrastructure/read-model-auditor';

class ReplayRequestDto {
  @ApiProperty({ example: 'catalogue.institutions' })
  @IsString()
  @Matches(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*$/, { message: 'projection must be a registered projection name' })
  projection!: string;

  @ApiPropertyOptional({ description: 'keep the rebuilt tables for inspection' })
  @IsOptional()
  @IsBoolean()
  keepReplayTables?: boolean;
}

@ApiTags('replay for QA')
@ApiBearerAuth()
@Roles('auditor', 'alliance-admin')
@Controller()
export class ReadModelsController {
  constructor(@Inject(READ_MODEL_AUDITOR) private readonly auditor: ReadModelAuditor) {}

  @Get('read-models')
  @ApiOperation({ summary: 'Read models the contexts registered for replay' })
  list() {
    return { items: this.auditor.list() };
  }

  @Post('read-model-replays')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rebuild a read model from zero into fresh tables and diff it against the live one (no difference expected)' })
  async replay(@Body() body: ReplayRequestDto) {
    return this.auditor.replay(body.projection, { keepReplayTables: body.keepReplayTables ?? false });
  }
}
