import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { HealthRegistry } from './health-registry';

@ApiTags('health')
@ApiBearerAuth()
@Controller('parked-events')
export class ParkedEventsController {
  constructor(private readonly registry: HealthRegistry) {}

  @Get()
  @Roles('auditor', 'alliance-admin')
  @ApiOperation({
    summary:
      "Events this service's projections could not apply and moved past (parked), with the error: their effects are missing from the read model named until it is rebuilt. The stored events are unchanged.",
  })
  async list() {
    const items = await this.registry.parkedEvents();
    return { service: this.registry.service, total: items.length, items };
  }
}
