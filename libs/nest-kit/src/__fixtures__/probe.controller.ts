import { Body, Controller, Get, Post } from '@nestjs/common';
import { IsInt, IsString, Min } from 'class-validator';
import { CurrentActor, Public, Roles } from '../auth/auth.decorators';
import type { AuthenticatedActor } from '../context/request-context';
import { requestContext } from '../context/request-context';
import { DomainError } from '../errors/domain-error';

class ProbeDto {
  @IsString()
  name!: string;

  @IsInt()
  @Min(1)
  credits!: number;
}

/** Routes that exercise the kit in tests. */
@Controller('probe')
export class ProbeController {
  @Public()
  @Get('public')
  open() {
    return { correlationId: requestContext.correlationId() };
  }

  @Roles('alliance-admin')
  @Post('admin')
  admin(@Body() body: ProbeDto, @CurrentActor() actor: AuthenticatedActor) {
    return { ...body, actor };
  }

  @Get('domain-error')
  domainError(): never {
    throw new DomainError('probe.not-allowed', 'Probe refused', 422, 'name');
  }

  @Get('crash')
  crash(): never {
    throw new Error('secret internals');
  }
}
