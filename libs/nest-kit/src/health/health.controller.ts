import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { HealthRegistry } from './health-registry';
import { liveness, readiness } from './health-probes.middleware';

/** The probes, documented; services started by createServiceApp answer them earlier, the same way (health-probes.middleware.ts). */
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
    return liveness(this.registry);
  }

  @Public()
  @Get('ready')
  @ApiOperation({ summary: 'The service can serve requests: its event store, bus and read models answer' })
  async ready(@Res({ passthrough: true }) res: Response) {
    const { httpStatus, report } = await readiness(this.registry);
    res.status(httpStatus);
    return report;
  }
}
