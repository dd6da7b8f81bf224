import { type AuthenticatedActor, CurrentActor, Roles, UuidParam } from '@alliance/nest-kit';
import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AuthoriseInstitutionCommand,
  EraseLearnerCommand,
  type ErasureOutcome,
  type InstitutionAuthorisation,
} from '../application/commands';
import { type LearnerAuditTrail, LearnerAuditTrailQuery } from '../application/queries';
import { commandMeta } from './command-meta';
import { AuthoriseInstitutionDto } from './dto/authorise-institution.dto';
import { ReasonDto } from './dto/reason.dto';

@ApiTags('learners')
@ApiBearerAuth()
@Controller('learners')
export class LearnersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post(':id/authorised-institutions')
  @HttpCode(200)
  @Roles('learner')
  @ApiOperation({
    summary:
      'The learner, as themselves, lets another member institution hold them: its staff may then enrol them by learner id (an e-mail match never links institutions)',
  })
  authorise(
    @UuidParam('id') id: string,
    @Body() dto: AuthoriseInstitutionDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<InstitutionAuthorisation> {
    return this.commands.execute(
      AuthoriseInstitutionCommand.create({ learnerId: id, institutionId: dto.institutionId, ...commandMeta(actor) }),
    );
  }

  @Post(':id/erasure')
  @HttpCode(200)
  @Roles('alliance-admin', 'institution-admin', 'learner')
  @ApiOperation({
    summary:
      "Erase a learner's personal data (GDPR art. 17), asked by the learner, the alliance, or the admin of the only institution holding them: their key is destroyed; events and hashes stay valid, personal fields read as erased",
  })
  erase(@UuidParam('id') id: string, @Body() dto: ReasonDto, @CurrentActor() actor: AuthenticatedActor): Promise<ErasureOutcome> {
    return this.commands.execute(EraseLearnerCommand.create({ learnerId: id, reason: dto.reason, ...commandMeta(actor) }));
  }

  @Get(':id/audit-trail')
  @Roles('auditor', 'alliance-admin')
  @ApiOperation({ summary: "Every event of the learner's stream with its hash chain verified; personal fields opened, or shown as erased" })
  auditTrail(@UuidParam('id') id: string, @CurrentActor() actor: AuthenticatedActor): Promise<LearnerAuditTrail> {
    return this.queries.execute(LearnerAuditTrailQuery.create({ learnerId: id, ...commandMeta(actor) }));
  }
}
