import { Body, Controller, Get, Post, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedActor, CurrentActor, Roles, UuidParam } from '@alliance/nest-kit';
import { GenerateSigningKeyCommand } from '../application/commands/generate-signing-key';
import { SetSigningPolicyCommand } from '../application/commands/set-signing-policy';
import { InstitutionSigningQuery } from '../application/queries';
import { authoriseSigningReader } from '../domain/signing/signer.decider';
import { IssuanceSync } from '../infrastructure/issuance-engine';
import { commandMeta } from './command-meta';
import { GenerateSigningKeyDto, SigningPolicyDto } from './dto/signing-policy.dto';

/** How the platform signs for an institution: its policy and the keys it holds (public halves only, always). */
@ApiTags('signing')
@ApiBearerAuth()
@Controller('institutions/:id')
@Roles('alliance-admin', 'institution-admin', 'auditor')
export class InstitutionSigningController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly sync: IssuanceSync,
  ) {}

  @Post('signing-keys')
  @ApiOperation({
    summary:
      "Delegation, by the institution's own admin only: generate an Ed25519 key the platform holds for it, signing the catalogue's possession challenge; returns the public Multikey and that proof, to register in the catalogue (custody: issuance-service)",
  })
  @ApiCreatedResponse({ description: 'The public half of the new key; the private half never leaves the sealed vault' })
  async generateKey(@UuidParam('id') id: string, @Body() dto: GenerateSigningKeyDto, @CurrentActor() actor: AuthenticatedActor) {
    return this.commands.execute(GenerateSigningKeyCommand.create({ institutionId: id, challenge: dto.challenge, ...commandMeta(actor) }));
  }

  @Put('signing-policy')
  @ApiOperation({
    summary:
      "By the institution's own admin only: institution-signer (its own signer signs; the default), or a delegation to a key the platform holds: automatic (signed at once) or manual (each credential waits for an admin's endorsement)",
  })
  async policy(@UuidParam('id') id: string, @Body() dto: SigningPolicyDto, @CurrentActor() actor: AuthenticatedActor) {
    return this.commands.execute(SetSigningPolicyCommand.create({ institutionId: id, policy: dto.policy, ...commandMeta(actor) }));
  }

  @Get('signing')
  @ApiOperation({ summary: "The institution's signing policy and the platform-held keys, each with whether the catalogue registered it" })
  async signing(@UuidParam('id') id: string, @CurrentActor() actor: AuthenticatedActor) {
    authoriseSigningReader(actor, id);
    await this.sync.caughtUp(undefined);
    return this.queries.execute(new InstitutionSigningQuery(id));
  }
}
