import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedActor, CurrentActor, Roles, UuidParam } from '@alliance/nest-kit';
import { EndorseCredentialCommand } from '../application/commands/endorse-credential';
import { LiftFinalRevocationCommand } from '../application/commands/lift-final-revocation';
import { ReinstateCredentialCommand } from '../application/commands/reinstate-credential';
import { RevokeCredentialCommand } from '../application/commands/revoke-credential';
import { SuspendCredentialCommand } from '../application/commands/suspend-credential';
import { GetCredentialQuery } from '../application/queries';
import { IssuanceSync } from '../infrastructure/issuance-engine';
import { commandMeta } from './command-meta';
import { EndorsementDto } from './dto/endorsement.dto';
import { RevocationDto, StatusChangeDto } from './dto/status-change.dto';

/** What an awarding body's admin does to a credential: sign it (manual policy), suspend, reinstate or revoke it. */
@ApiTags('credentials')
@ApiBearerAuth()
@Controller('credentials/:id')
@Roles('institution-admin')
export class CredentialActionsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly sync: IssuanceSync,
  ) {}

  @Post('endorsements')
  @ApiOperation({
    summary:
      "Sign a pending credential for the admin's institution: with the platform-held key, or by handing in the institution's own proof",
  })
  async endorse(@UuidParam('id') id: string, @Body() dto: EndorsementDto, @CurrentActor() actor: AuthenticatedActor) {
    const out = await this.commands.execute(
      EndorseCredentialCommand.create({ credentialId: id, ...(dto.proof ? { proof: dto.proof } : {}), ...commandMeta(actor) }),
    );
    return this.after(id, out);
  }

  @Post('suspension')
  @HttpCode(200)
  @ApiOperation({ summary: 'Suspend an issued credential (reversible); its status list shows it at once' })
  async suspend(@UuidParam('id') id: string, @Body() dto: StatusChangeDto, @CurrentActor() actor: AuthenticatedActor) {
    return this.after(
      id,
      await this.commands.execute(SuspendCredentialCommand.create({ credentialId: id, reason: dto.reason, ...commandMeta(actor) })),
    );
  }

  @Post('reinstatement')
  @HttpCode(200)
  @ApiOperation({ summary: 'Lift a suspension' })
  async reinstate(@UuidParam('id') id: string, @Body() dto: StatusChangeDto, @CurrentActor() actor: AuthenticatedActor) {
    return this.after(
      id,
      await this.commands.execute(ReinstateCredentialCommand.create({ credentialId: id, reason: dto.reason, ...commandMeta(actor) })),
    );
  }

  @Post('revocation')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Revoke a credential (final). With `final: true` it is revoked for good: no credential of the definition is issued to the learner again, whatever the results become, until an awarding body's admin lifts it",
  })
  async revoke(@UuidParam('id') id: string, @Body() dto: RevocationDto, @CurrentActor() actor: AuthenticatedActor) {
    return this.after(
      id,
      await this.commands.execute(
        RevokeCredentialCommand.create({
          credentialId: id,
          reason: dto.reason,
          ...(dto.final ? { final: true } : {}),
          ...commandMeta(actor),
        }),
      ),
    );
  }

  @Post('final-revocation/lift')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Lift a revocation for good, with a reason (an admin of one of the credential's awarding bodies): the learner may be awarded the definition again, and the new credential names this one as the credential it replaces",
  })
  async lift(@UuidParam('id') id: string, @Body() dto: StatusChangeDto, @CurrentActor() actor: AuthenticatedActor) {
    const { lastPosition, ...lifted } = await this.commands.execute(
      LiftFinalRevocationCommand.create({ credentialId: id, reason: dto.reason, ...commandMeta(actor) }),
    );
    await this.sync.caughtUp(lastPosition);
    return lifted;
  }

  private async after<T extends { lastPosition?: number }>(id: string, out: T) {
    await this.sync.caughtUp(out.lastPosition);
    const { lastPosition: _p, ...result } = out;
    return { ...result, record: (await this.queries.execute(new GetCredentialQuery(id)))?.summary };
  }
}
