import { type AuthenticatedActor, CurrentActor, Roles, UuidParam } from '@alliance/nest-kit';
import { Body, Controller, Get, Param, ParseIntPipe, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DraftCredentialSpecCommand, DraftCredentialSpecVersionCommand, ReviseCredentialSpecDraftCommand } from '../application/commands';
import {
  GetCredentialSpecQuery,
  GetCredentialSpecVersionQuery,
  ListCredentialSpecsQuery,
  ListCredentialSpecVersionsQuery,
} from '../application/queries/credential-spec.query-handlers';
import type {
  CredentialSpecSummary,
  CredentialSpecVersionSummary,
  CredentialSpecVersionView,
  CredentialSpecView,
} from '../application/queries/credential-spec.views';
import type { Page } from '../application/queries/page';
import type { CredentialSpecDefinition } from '../domain/credential-spec/definition';
import { commandMeta, plain } from './command-meta';
import { CredentialSpecChangesDto, CredentialSpecDefinitionDto } from './dto/credential-spec-definition.dto';
import { ListCredentialSpecsQueryDto } from './dto/list-queries.dto';

export const SPEC_READERS = ['alliance-admin', 'institution-admin', 'registrar', 'auditor', 'learner'] as const;

@ApiTags('credential-specs')
@ApiBearerAuth()
@Controller('credential-specs')
export class CredentialSpecsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Roles('alliance-admin')
  @ApiOperation({ summary: 'Draft a joint micro-credential definition (version 1)' })
  @ApiCreatedResponse({ description: 'The definition with its draft version' })
  async create(
    @Body() dto: CredentialSpecDefinitionDto,
    @CurrentActor() actor: AuthenticatedActor,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CredentialSpecView> {
    const definition = plain(dto) as CredentialSpecDefinition;
    const id = await this.commands.execute(DraftCredentialSpecCommand.create({ definition, ...commandMeta(actor) }));
    res.location(`/credential-specs/${id}`);
    return this.queries.execute(new GetCredentialSpecQuery(id));
  }

  @Get()
  @Roles(...SPEC_READERS)
  @ApiOperation({ summary: 'List definitions (paginated; filter by status, awarding member, EQF level, form of participation, title)' })
  list(@Query() query: ListCredentialSpecsQueryDto): Promise<Page<CredentialSpecSummary>> {
    return this.queries.execute(new ListCredentialSpecsQuery(query));
  }

  @Get(':id')
  @Roles(...SPEC_READERS)
  @ApiOperation({ summary: 'A definition: its newest version in full and the list of all versions' })
  get(@UuidParam('id') id: string): Promise<CredentialSpecView> {
    return this.queries.execute(new GetCredentialSpecQuery(id));
  }

  @Put(':id')
  @Roles('alliance-admin')
  @ApiOperation({ summary: 'Replace the draft version (a published version is never edited: create a new version)' })
  async replace(
    @UuidParam('id') id: string,
    @Body() dto: CredentialSpecDefinitionDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<CredentialSpecView> {
    await this.commands.execute(
      ReviseCredentialSpecDraftCommand.create({ credentialSpecId: id, mode: 'replace', definition: plain(dto), ...commandMeta(actor) }),
    );
    return this.queries.execute(new GetCredentialSpecQuery(id));
  }

  @Patch(':id')
  @Roles('alliance-admin')
  @ApiOperation({ summary: 'Change elements of the draft version (a published version is never edited: create a new version)' })
  async change(
    @UuidParam('id') id: string,
    @Body() dto: CredentialSpecChangesDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<CredentialSpecView> {
    await this.commands.execute(
      ReviseCredentialSpecDraftCommand.create({ credentialSpecId: id, mode: 'merge', definition: plain(dto), ...commandMeta(actor) }),
    );
    return this.queries.execute(new GetCredentialSpecQuery(id));
  }

  @Post(':id/versions')
  @Roles('alliance-admin')
  @ApiOperation({ summary: 'Open the next version of a published definition: the latest definition with the elements given changed' })
  @ApiCreatedResponse({ description: 'The new draft version' })
  async newVersion(
    @UuidParam('id') id: string,
    @Body() dto: CredentialSpecChangesDto,
    @CurrentActor() actor: AuthenticatedActor,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CredentialSpecVersionView> {
    const version = await this.commands.execute(
      DraftCredentialSpecVersionCommand.create({ credentialSpecId: id, changes: plain(dto ?? {}), ...commandMeta(actor) }),
    );
    res.location(`/credential-specs/${id}/versions/${version}`);
    return this.queries.execute(new GetCredentialSpecVersionQuery(id, version));
  }

  @Get(':id/versions')
  @Roles(...SPEC_READERS)
  @ApiOperation({ summary: 'Every version of a definition' })
  versions(@UuidParam('id') id: string): Promise<CredentialSpecVersionSummary[]> {
    return this.queries.execute(new ListCredentialSpecVersionsQuery(id));
  }

  @Get(':id/versions/:version')
  @Roles(...SPEC_READERS)
  @ApiOperation({ summary: 'One version, with its frozen published snapshot once published' })
  version(@UuidParam('id') id: string, @Param('version', ParseIntPipe) version: number): Promise<CredentialSpecVersionView> {
    return this.queries.execute(new GetCredentialSpecVersionQuery(id, version));
  }
}
