import { type AuthenticatedActor, CurrentActor, Roles, UuidParam } from '@alliance/nest-kit';
import { Body, Controller, Delete, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  ReinstateInstitutionCommand,
  RegisterInstitutionCommand,
  RemoveInstitutionCommand,
  SuspendInstitutionCommand,
} from '../application/commands';
import { GetInstitutionQuery, ListInstitutionsQuery } from '../application/queries/institution.query-handlers';
import type { InstitutionView } from '../application/queries/institution.views';
import type { Page } from '../application/queries/page';
import { commandMeta, plain } from './command-meta';
import { ListInstitutionsQueryDto } from './dto/list-queries.dto';
import { NO_REASON_GIVEN, OptionalReasonDto } from './dto/reason.dto';
import { RegisterInstitutionDto } from './dto/register-institution.dto';

const READERS = ['alliance-admin', 'institution-admin', 'registrar', 'auditor', 'learner'] as const;

@ApiTags('institutions')
@ApiBearerAuth()
@Controller('institutions')
export class InstitutionsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Roles('alliance-admin')
  @ApiOperation({ summary: 'Register a member institution' })
  @ApiCreatedResponse({ description: 'The member, with its did:web and (empty) key history' })
  async create(
    @Body() dto: RegisterInstitutionDto,
    @CurrentActor() actor: AuthenticatedActor,
    @Res({ passthrough: true }) res: Response,
  ): Promise<InstitutionView> {
    const id = await this.commands.execute(RegisterInstitutionCommand.create({ ...plain(dto), ...commandMeta(actor) }));
    res.location(`/institutions/${id}`);
    return this.queries.execute(new GetInstitutionQuery(id));
  }

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'List members (paginated; filter by status, country, name)' })
  list(@Query() query: ListInstitutionsQueryDto): Promise<Page<InstitutionView>> {
    return this.queries.execute(new ListInstitutionsQuery(query));
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOperation({ summary: 'A member with its status history and every key it ever registered' })
  @ApiOkResponse({ description: 'The member' })
  get(@UuidParam('id') id: string): Promise<InstitutionView> {
    return this.queries.execute(new GetInstitutionQuery(id));
  }

  @Post(':id/suspend')
  @HttpCode(200)
  @Roles('alliance-admin')
  @ApiOperation({ summary: 'Suspend a member: it cannot award, and its keys do not count as valid meanwhile' })
  async suspendMember(
    @UuidParam('id') id: string,
    @Body() dto: OptionalReasonDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<InstitutionView> {
    await this.commands.execute(
      SuspendInstitutionCommand.create({ institutionId: id, reason: dto.reason ?? NO_REASON_GIVEN, ...commandMeta(actor) }),
    );
    return this.queries.execute(new GetInstitutionQuery(id));
  }

  @Post(':id/reinstate')
  @HttpCode(200)
  @Roles('alliance-admin')
  @ApiOperation({ summary: 'Lift the suspension of a member' })
  async reinstateMember(@UuidParam('id') id: string, @CurrentActor() actor: AuthenticatedActor): Promise<InstitutionView> {
    await this.commands.execute(ReinstateInstitutionCommand.create({ institutionId: id, ...commandMeta(actor) }));
    return this.queries.execute(new GetInstitutionQuery(id));
  }

  @Post(':id/remove')
  @HttpCode(200)
  @Roles('alliance-admin')
  @ApiOperation({ summary: 'Remove a member for good (its record and key history stay for verifiers)' })
  async removeMember(
    @UuidParam('id') id: string,
    @Body() dto: OptionalReasonDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<InstitutionView> {
    await this.commands.execute(
      RemoveInstitutionCommand.create({ institutionId: id, reason: dto.reason ?? NO_REASON_GIVEN, ...commandMeta(actor) }),
    );
    return this.queries.execute(new GetInstitutionQuery(id));
  }

  @Delete(':id')
  @Roles('alliance-admin')
  @ApiOperation({ summary: 'Same as POST /institutions/{id}/remove, with the reason in the body' })
  deleteMember(
    @UuidParam('id') id: string,
    @Body() dto: OptionalReasonDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<InstitutionView> {
    return this.removeMember(id, dto, actor);
  }
}
