import { type AuthenticatedActor, CurrentActor, Public, Roles, UuidParam } from '@alliance/nest-kit';
import { Body, Controller, Get, Header, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AddSigningKeyCommand,
  IssueKeyChallengeCommand,
  type IssuedKeyChallenge,
  RevokeSigningKeyCommand,
  RotateSigningKeyCommand,
} from '../application/commands';
import {
  GetInstitutionDidDocumentQuery,
  GetInstitutionQuery,
  GetKeyValidityQuery,
} from '../application/queries/institution.query-handlers';
import type { KeyValidityView } from '../application/queries/institution.queries';
import type { SigningKeyView } from '../application/queries/institution.views';
import type { DidDocument } from '../domain/institution/did-document';
import { commandMeta, plain } from './command-meta';
import {
  AddSigningKeyDto,
  KeyChallengeRequestDto,
  KeyValidityQueryDto,
  RevokeSigningKeyDto,
  RotateSigningKeyDto,
} from './dto/signing-key.dto';

const OWN_ADMIN_ONLY =
  'Only an institution-admin of this institution (token claim `institution` = {id}); anyone else, alliance-admin included, gets 403 catalogue.key.not-own-institution';

/**
 * The key writes carry no @Roles: the institution decider is the one authority over a member's keys, so every
 * caller reaches it and is told there (with a stable code) why it may not.
 */
@ApiTags('institutions')
@Controller('institutions/:id')
export class InstitutionKeysController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('did.json')
  @Public()
  @Header('Content-Type', 'application/did+ld+json')
  @ApiOperation({ summary: "The member's did:web document: every registered key with its validity window" })
  @ApiOkResponse({ description: 'DID document' })
  didDocument(@UuidParam('id') id: string): Promise<DidDocument> {
    return this.queries.execute(new GetInstitutionDidDocumentQuery(id));
  }

  @Get('keys')
  @ApiBearerAuth()
  @Roles('alliance-admin', 'institution-admin', 'registrar', 'auditor', 'learner')
  @ApiOperation({ summary: 'The full key history of a member' })
  async keys(@UuidParam('id') id: string): Promise<SigningKeyView[]> {
    return (await this.queries.execute(new GetInstitutionQuery(id))).keys;
  }

  @Post('key-challenges')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'A single-use challenge (valid 10 minutes, at most 20 open) that the key to be registered as keyId must sign',
    description: `${OWN_ADMIN_ONLY}. Sign the base64url-decoded signingInput (the RFC 8785 JCS form of challenge) with the new key's private half (Ed25519) and send the nonce and the base64url signature as proofOfPossession when registering or rotating.`,
  })
  @ApiCreatedResponse({ description: '{ challenge: { type, institutionId, keyId, nonce, expiresAt }, signingInput }' })
  @ApiForbiddenResponse({ description: 'Not an institution-admin of this institution' })
  challenge(
    @UuidParam('id') id: string,
    @Body() dto: KeyChallengeRequestDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<IssuedKeyChallenge> {
    return this.commands.execute(IssueKeyChallengeCommand.create({ institutionId: id, keyId: dto.keyId, ...commandMeta(actor) }));
  }

  @Post('keys')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Register an Ed25519 public key (never a private key) for the member, with proof of possession',
    description: `${OWN_ADMIN_ONLY}. keyId defaults to the keyId of the challenge the proof answers and may not differ from it. The first key of a pending member activates it.`,
  })
  @ApiForbiddenResponse({ description: 'Not an institution-admin of this institution' })
  async add(
    @UuidParam('id') id: string,
    @Body() dto: AddSigningKeyDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<SigningKeyView> {
    const keyId = await this.commands.execute(AddSigningKeyCommand.create({ institutionId: id, ...plain(dto), ...commandMeta(actor) }));
    return this.key(id, keyId);
  }

  @Post('keys/:keyId/rotate')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Rotate a current key: it ends when its successor (the new public key given, with proof of possession) starts',
    description: OWN_ADMIN_ONLY,
  })
  @ApiForbiddenResponse({ description: 'Not an institution-admin of this institution' })
  async rotate(
    @UuidParam('id') id: string,
    @Param('keyId') keyId: string,
    @Body() dto: RotateSigningKeyDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<SigningKeyView> {
    const newKeyId = await this.commands.execute(
      RotateSigningKeyCommand.create({ institutionId: id, keyId, ...plain(dto), ...commandMeta(actor) }),
    );
    return this.key(id, newKeyId);
  }

  @Post('keys/:keyId/revoke')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Revoke a key: a retirement (it ends now), or with compromisedSince a compromise (no signature made at or after that instant counts)',
    description: `${OWN_ADMIN_ONLY}. A key already revoked answers 409.`,
  })
  @ApiOkResponse({ description: 'The key, with revokedAt, revocationReason and compromisedSince' })
  @ApiForbiddenResponse({ description: 'Not an institution-admin of this institution' })
  async revoke(
    @UuidParam('id') id: string,
    @Param('keyId') keyId: string,
    @Body() dto: RevokeSigningKeyDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<SigningKeyView> {
    await this.commands.execute(RevokeSigningKeyCommand.create({ institutionId: id, keyId, ...plain(dto), ...commandMeta(actor) }));
    return this.key(id, keyId);
  }

  @Get('keys/:keyId/validity')
  @Public()
  @ApiOperation({ summary: 'Was this key valid for this member at the instant `at` (key window, compromise, and membership standing)?' })
  validity(@UuidParam('id') id: string, @Param('keyId') keyId: string, @Query() query: KeyValidityQueryDto): Promise<KeyValidityView> {
    return this.queries.execute(new GetKeyValidityQuery(id, keyId, query.at ?? new Date().toISOString()));
  }

  private async key(id: string, keyId: string): Promise<SigningKeyView> {
    return (await this.queries.execute(new GetInstitutionQuery(id))).keys.find((k) => k.keyId === keyId)!;
  }
}
