import { Roles } from '@alliance/nest-kit';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RebuildReadModelCommand } from '../application/commands/rebuild-read-model';
import type { RebuildResult } from '../infrastructure/read-model/catalogue-read-model';
import { RebuildReadModelDto } from './dto/reason.dto';

@ApiTags('operations')
@ApiBearerAuth()
@Controller('admin/read-model')
export class ReadModelAdminController {
  constructor(private readonly commands: CommandBus) {}

  @Post('rebuild')
  @HttpCode(200)
  @Roles('alliance-admin')
  @ApiOperation({
    summary: 'Rebuild the read models from position zero and compare them with the live ones (replace: also rebuild the live tables)',
  })
  rebuild(@Body() dto: RebuildReadModelDto): Promise<RebuildResult> {
    return this.commands.execute(new RebuildReadModelCommand(dto.mode ?? 'verify'));
  }
}
