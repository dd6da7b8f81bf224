import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { HealthRegistry } from './health-registry';

@ApiTags('health')
@SkipThrottle()
@Controller('health')
export class HealthController {
  constructor(private readonly registry: HealthRegistry) {}

  @Public()
  @Get('live')
  @HttpCode(200)
  @ApiOperation({ summary: 'The process is running' })
  live() {
    return { status: 'ok', service: this.registry.service };
  }

  @Public()
  @Get('ready')
  @ApiOperation({ summary: 'The service can serve requests: its event store, bus and read models answer' })
  async ready(@Res({ passthrough: true }) res: Response) {
    const report = await this.registry.report();
    res.status(report.status === 'ok' ? 200 : 503);
    return report;
  }
}
