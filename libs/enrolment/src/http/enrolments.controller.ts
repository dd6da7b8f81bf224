import { type AuthenticatedActor, CurrentActor, Roles, UuidParam } from '@alliance/nest-kit';
import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EnrolLearnerCommand, TransferEnrolmentCommand, WithdrawEnrolmentCommand } from '../application/commands';
import type { EnrolmentView } from '../application/queries/enrolment-view';
import { GetEnrolmentQuery } from '../application/queries/get-enrolment';
import { type EnrolmentPage, ListEnrolmentsQuery } from '../application/queries/list-enrolments';
import { commandMeta, plain } from './command-meta';
import { EnrolDto } from './dto/enrol.dto';
import { ListEnrolmentsDto } from './dto/list-enrolments.dto';
import { ReasonDto, TransferDto } from './dto/reason.dto';

@ApiTags('enrolments')
@ApiBearerAuth()
@Controller('enrolments')
export class EnrolmentsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Roles('alliance-admin', 'institution-admin', 'registrar')
  @ApiOperation({ summary: 'Enrol a learner in the current published version of a credential definition (the version is pinned)' })
  async enrol(@Body() dto: EnrolDto, @CurrentActor() actor: AuthenticatedActor): Promise<EnrolmentView> {
    const { enrolmentId } = await this.commands.execute(EnrolLearnerCommand.create({ ...plain(dto), ...commandMeta(actor) }));
    return this.read(enrolmentId, actor);
  }

  @Get()
  @ApiOperation({ summary: 'List enrolments by learner (id or email), definition, status and enrolling institution' })
  list(@Query() dto: ListEnrolmentsDto, @CurrentActor() actor: AuthenticatedActor): Promise<EnrolmentPage> {
    return this.queries.execute(
      ListEnrolmentsQuery.create({ ...plain(dto), limit: dto.limit ?? 50, offset: dto.offset ?? 0, ...commandMeta(actor) }),
    );
  }

  @Get(':id')
  @ApiOperation({ summary: 'One enrolment, with the learner identity (or marked erased)' })
  get(@UuidParam('id') id: string, @CurrentActor() actor: AuthenticatedActor): Promise<EnrolmentView> {
    return this.read(id, actor);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles('alliance-admin', 'institution-admin', 'registrar', 'learner')
  @ApiOperation({ summary: 'Withdraw an active enrolment, with a reason' })
  async withdraw(@UuidParam('id') id: string, @Body() dto: ReasonDto, @CurrentActor() actor: AuthenticatedActor): Promise<EnrolmentView> {
    await this.commands.execute(WithdrawEnrolmentCommand.create({ enrolmentId: id, reason: dto.reason, ...commandMeta(actor) }));
    return this.read(id, actor);
  }

  @Post(':id/transfer')
  @HttpCode(200)
  @Roles('alliance-admin', 'institution-admin', 'registrar')
  @ApiOperation({ summary: 'Transfer an active enrolment to a newer published version of its definition (audited, with a reason)' })
  async transfer(@UuidParam('id') id: string, @Body() dto: TransferDto, @CurrentActor() actor: AuthenticatedActor): Promise<EnrolmentView> {
    await this.commands.execute(TransferEnrolmentCommand.create({ enrolmentId: id, ...plain(dto), ...commandMeta(actor) }));
    return this.read(id, actor);
  }

  private read(enrolmentId: string, actor: AuthenticatedActor): Promise<EnrolmentView> {
    return this.queries.execute(GetEnrolmentQuery.create({ enrolmentId, ...commandMeta(actor) }));
  }
}
