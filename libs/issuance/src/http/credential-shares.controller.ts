import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedActor, CurrentActor, Roles, UuidParam } from '@alliance/nest-kit';
import { RevokeCredentialShareCommand, ShareCredentialCommand } from '../application/commands';
import { SharedCredentials } from '../application/credential-share/shared-credentials';
import { commandMeta } from './command-meta';
import { CredentialShareDto } from './dto/credential-share.dto';

/** A learner's links that let an employer open one of their credentials on the verification page. */
@ApiTags('credential shares')
@ApiBearerAuth()
@Controller('credentials/:credentialId/shares')
@Roles('learner')
export class CredentialSharesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly shared: SharedCredentials,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Make a link to the verification page that opens this credential until it expires (shown once)' })
  @ApiCreatedResponse({ description: '`{ shareId, url, expiresAt }`: hand `url` to whoever should read the credential' })
  share(@UuidParam('credentialId') credentialId: string, @Body() dto: CredentialShareDto, @CurrentActor() actor: AuthenticatedActor) {
    return this.commands.execute(ShareCredentialCommand.create({ credentialId, ...dto, ...commandMeta(actor) }));
  }

  @Get()
  @ApiOperation({
    summary: "The learner's links to this credential, newest first: active, expired or revoked (the links themselves are not shown again)",
  })
  async list(@UuidParam('credentialId') credentialId: string, @CurrentActor() actor: AuthenticatedActor) {
    return { items: await this.shared.list(actor, credentialId) };
  }

  @Delete(':shareId')
  @ApiOperation({ summary: 'Withdraw a link: from now on it opens nothing' })
  revoke(
    @UuidParam('credentialId') credentialId: string,
    @UuidParam('shareId') shareId: string,
    @CurrentActor() actor: AuthenticatedActor,
  ) {
    return this.commands.execute(RevokeCredentialShareCommand.create({ credentialId, shareId, ...commandMeta(actor) }));
  }
}
