import { Body, Get, HttpCode, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Matches } from 'class-validator';
import { ReplayReadModelCommand } from '../application/commands/replay-read-model.command';
import { ListReadModelsQuery } from '../application/queries/read-models.queries';
import { AuditorController } from './auditor-controller';

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

@AuditorController('replay for QA')
export class ReadModelsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('read-models')
  @ApiOperation({ summary: 'Read models the contexts registered for replay' })
  async list() {
    return { items: await this.queries.execute(new ListReadModelsQuery()) };
  }

  @Post('read-model-replays')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rebuild a read model from zero into fresh tables and diff it against the live one (no difference expected)' })
  async replay(@Body() body: ReplayRequestDto) {
    return this.commands.execute(new ReplayReadModelCommand(body.projection, body.keepReplayTables ?? false));
  }
}
