import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, Min } from 'class-validator';
import { Public, Roles } from '@alliance/nest-kit';
import { CreateCheckpointsCommand } from '../application/commands/create-checkpoints.command';
import { AuditKeyQuery, InclusionProofQuery, VerifyLogQuery } from '../application/queries/integrity.queries';

class InclusionQueryDto {
  @IsString()
  store!: string;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  position!: number;
}

@ApiTags('tamper evidence')
@Controller()
export class IntegrityController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Public()
  @Get('audit-key')
  @ApiOperation({ summary: 'The alliance audit public key (JWK) that signs checkpoints' })
  auditKey() {
    return this.queries.execute(new AuditKeyQuery());
  }

  @ApiBearerAuth()
  @Roles('auditor', 'alliance-admin')
  @Post('verifications')
  @HttpCode(200)
  @ApiOperation({ summary: 'Recompute every hash and checkpoint from the raw stores; report the first broken link of each' })
  async verify() {
    return this.queries.execute(new VerifyLogQuery());
  }

  @ApiBearerAuth()
  @Roles('alliance-admin')
  @Post('checkpoints')
  @ApiOperation({ summary: 'Make a signed checkpoint of every store now' })
  async checkpoint() {
    return { checkpoints: await this.commands.execute(new CreateCheckpointsCommand()) };
  }

  @ApiBearerAuth()
  @Roles('auditor', 'alliance-admin')
  @Get('inclusion-proofs')
  @ApiOperation({ summary: 'Inclusion proof of one event against the checkpoint that covers it, checkable offline' })
  async inclusion(@Query() q: InclusionQueryDto) {
    return this.queries.execute(new InclusionProofQuery(q.store, q.position));
  }
}
