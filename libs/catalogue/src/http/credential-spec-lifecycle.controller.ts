import { type AuthenticatedActor, CurrentActor, Roles, UuidParam } from '@alliance/nest-kit';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApproveCredentialSpecCommand,
  DeclineCredentialSpecCommand,
  ProposeCredentialSpecCommand,
  PublishCredentialSpecCommand,
  RetireCredentialSpecCommand,
  WithdrawCredentialSpecProposalCommand,
} from '../application/commands';
import { GetCredentialSpecQuery } from '../application/queries/credential-spec.query-handlers';
import type { CredentialSpecView } from '../application/queries/credential-spec.views';
import { commandMeta } from './command-meta';
import {
  ApproveCredentialSpecDto,
  DeclineCredentialSpecDto,
  NO_REASON_GIVEN,
  OptionalReasonDto,
  RetireCredentialSpecDto,
} from './dto/reason.dto';

/** draft -> proposed -> approved by every awarding body -> published -> retired. */
@ApiTags('credential-specs')
@ApiBearerAuth()
@Controller('credential-specs/:id')
export class CredentialSpecLifecycleController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('propose')
  @HttpCode(200)
  @Roles('alliance-admin')
  @ApiOperation({ summary: 'Propose the draft version: every awarding body is asked to approve it' })
  async propose(@UuidParam('id') id: string, @CurrentActor() actor: AuthenticatedActor): Promise<CredentialSpecView> {
    await this.commands.execute(ProposeCredentialSpecCommand.create({ credentialSpecId: id, ...commandMeta(actor) }));
    return this.queries.execute(new GetCredentialSpecQuery(id));
  }

  @Post('approvals')
  @Roles('institution-admin')
  @ApiOperation({ summary: "Approve the proposed version for the caller's institution (an awarding body)" })
  async approve(
    @UuidParam('id') id: string,
    @Body() dto: ApproveCredentialSpecDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<CredentialSpecView> {
    await this.commands.execute(ApproveCredentialSpecCommand.create({ credentialSpecId: id, ...dto, ...commandMeta(actor) }));
    return this.queries.execute(new GetCredentialSpecQuery(id));
  }

  @Post('rejections')
  @Roles('institution-admin')
  @ApiOperation({ summary: "Decline the proposed version for the caller's institution; it returns to draft" })
  async decline(
    @UuidParam('id') id: string,
    @Body() dto: DeclineCredentialSpecDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<CredentialSpecView> {
    await this.commands.execute(DeclineCredentialSpecCommand.create({ credentialSpecId: id, ...dto, ...commandMeta(actor) }));
    return this.queries.execute(new GetCredentialSpecQuery(id));
  }

  @Post('withdraw')
  @HttpCode(200)
  @Roles('alliance-admin')
  @ApiOperation({ summary: 'Withdraw the proposal; the version returns to draft and its approvals lapse' })
  async withdraw(
    @UuidParam('id') id: string,
    @Body() dto: OptionalReasonDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<CredentialSpecView> {
    await this.commands.execute(
      WithdrawCredentialSpecProposalCommand.create({ credentialSpecId: id, reason: dto.reason ?? NO_REASON_GIVEN, ...commandMeta(actor) }),
    );
    return this.queries.execute(new GetCredentialSpecQuery(id));
  }

  @Post('publish')
  @HttpCode(200)
  @Roles('alliance-admin')
  @ApiOperation({ summary: 'Publish the version every awarding body approved; it supersedes the previous published version' })
  async publish(@UuidParam('id') id: string, @CurrentActor() actor: AuthenticatedActor): Promise<CredentialSpecView> {
    await this.commands.execute(PublishCredentialSpecCommand.create({ credentialSpecId: id, ...commandMeta(actor) }));
    return this.queries.execute(new GetCredentialSpecQuery(id));
  }

  @Post('retire')
  @HttpCode(200)
  @Roles('alliance-admin')
  @ApiOperation({ summary: 'Retire a published version (default the current one); issued credentials keep pointing at it' })
  async retire(
    @UuidParam('id') id: string,
    @Body() dto: RetireCredentialSpecDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<CredentialSpecView> {
    await this.commands.execute(
      RetireCredentialSpecCommand.create({ credentialSpecId: id, ...dto, reason: dto.reason ?? NO_REASON_GIVEN, ...commandMeta(actor) }),
    );
    return this.queries.execute(new GetCredentialSpecQuery(id));
  }
}
