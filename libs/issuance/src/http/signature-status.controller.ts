import { type AuthenticatedActor, CurrentActor, Roles, UuidParam } from '@alliance/nest-kit';
import { Body, Controller, Get, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReopenSignatureRequestCommand } from '../application/commands/reopen-signature-request';
import { CredentialSignaturesQuery, GetCredentialQuery, SignatureRefusalsQuery } from '../application/queries';
import type { SignatureStatus } from '../application/signing/signature-status';
import { IssuanceException } from '../domain/issuance.exception';
import { commandMeta } from './command-meta';
import { requireReadable } from './credential-access';
import { StatusChangeDto } from './dto/status-change.dto';

/** Who signed a credential, who is awaited and since when, and which signers declined (held credentials). */
@ApiTags('signing')
@ApiBearerAuth()
@Controller()
export class SignatureStatusController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('credentials/:id/signatures')
  @Roles('alliance-admin', 'institution-admin', 'registrar', 'auditor', 'learner')
  @ApiOperation({
    summary:
      "Each awarding body's proof: signed (with its own signer or key, or by the platform under its delegation), awaited since when, or refused with the signer's reason",
  })
  async signatures(@UuidParam('id') id: string, @CurrentActor() actor: AuthenticatedActor): Promise<SignatureStatus> {
    requireReadable(actor, (await this.queries.execute(new GetCredentialQuery(id)))?.summary, id);
    return this.queries.execute(new CredentialSignaturesQuery(id));
  }

  @Get('signature-refusals')
  @Roles('alliance-admin', 'institution-admin', 'auditor')
  @ApiOperation({
    summary:
      "Credentials held because an awarding body's signer declined, with its reason (an institution admin sees its own institution's credentials)",
  })
  async refusals(@CurrentActor() actor: AuthenticatedActor) {
    // An institution admin sees only its own institution's credentials (none without an institution in its token).
    return this.queries.execute(new SignatureRefusalsQuery(actor.role === 'institution-admin' ? (actor.institution ?? '-') : undefined));
  }

  @Post('credentials/:id/signature-requests/:institutionId/reopen')
  @Roles('alliance-admin', 'institution-admin')
  @ApiOperation({
    summary:
      "Ask a signer that declined again (after the cause was dealt with); its own policy decides again. The institution's admin or an alliance admin.",
  })
  async reopen(
    @UuidParam('id') id: string,
    @UuidParam('institutionId') institutionId: string,
    @Body() dto: StatusChangeDto,
    @CurrentActor() actor: AuthenticatedActor,
  ) {
    if (actor.role === 'institution-admin' && actor.institution !== institutionId) {
      throw new IssuanceException(
        'issuance.signature.not-own-institution',
        `only an admin of institution ${institutionId} or an alliance admin may reopen its signing request`,
        'institutionId',
      );
    }
    requireReadable(actor, (await this.queries.execute(new GetCredentialQuery(id)))?.summary, id);
    return this.commands.execute(
      ReopenSignatureRequestCommand.create({ credentialId: id, institutionId, reason: dto.reason, ...commandMeta(actor) }),
    );
  }
}
