import { Controller, Get, Header } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedActor, CurrentActor, Roles } from '@alliance/nest-kit';
import { LearnerOverview } from '../application/learner/learner-overview';

/** The signed-in learner's own page data: enrolments and credentials, in plain language. */
@ApiTags('learner')
@ApiBearerAuth()
@Controller('learner/overview')
@Roles('learner')
export class LearnerOverviewController {
  constructor(private readonly overview: LearnerOverview) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: "The learner's enrolments (with each component's result) and credentials (status, Annex I in plain language)",
  })
  @ApiOkResponse({ description: '`learner`, `enrolments`, `credentials`' })
  get(@CurrentActor() actor: AuthenticatedActor) {
    return this.overview.of(actor.subject);
  }
}
