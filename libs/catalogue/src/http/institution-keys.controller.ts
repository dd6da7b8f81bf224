import { type AuthenticatedActor, CurrentActor, Public, Roles } from '@alliance/nest-kit';
import { Body, Controller, Get, Header, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AddSigningKeyCommand, AddSigningKeyHandler, RotateSigningKeyCommand, RotateSigningKeyHandler } from '../application/commands';
import { InstitutionQueries, type KeyValidityView } from '../application/queries/institution.queries';
import type { SigningKeyView } from '../application/queries/institution.views';
import type { DidDocument } from '../domain/institution/did-document';
import { commandMeta, plain } from './command-meta';
import { AddSigningKeyDto, KeyValidityQueryDto, RotateSigningKeyDto } from './dto/signing-key.dto';

@ApiTags('institutions')
@Controller('institutions/:id')
export class InstitutionKeysController {
  constructor(
    private readonly queries: InstitutionQueries,
    private readonly addKey: AddSigningKeyHandler,
    private readonly rotateKey: RotateSigningKeyHandler,
  ) {}

  @Get('did.json')
  @Public()
  @Header('Content-Type', 'application/did+ld+json')
  @ApiOperation({ summary: "The member's did:web document: every registered key with its validity window" })
  @ApiOkResponse({ description: 'DID document' })
  didDocument(@Param('id') id: string): Promise<DidDocument> {
    return this.queries.didDocument(id);
  }

  @Get('keys')
  @ApiBearerAuth()
  @Roles('alliance-admin', 'institution-admin', 'registrar', 'auditor', 'learner')
  @ApiOperation({ summary: 'The full key history of a member' })
  async keys(@Param('id') id: string): Promise<SigningKeyView[]> {
    return (await this.queries.get(id)).keys;
  }

  @Post('keys')
  @ApiBearerAuth()
  @Roles('alliance-admin', 'institution-admin')
  @ApiOperation({ summary: 'Register an Ed25519 public key (never a private key) for a member' })
  async add(@Param('id') id: string, @Body() dto: AddSigningKeyDto, @CurrentActor() actor: AuthenticatedActor): Promise<SigningKeyView> {
    const keyId = await this.addKey.execute(AddSigningKeyCommand.create({ institutionId: id, ...plain(dto), ...commandMeta(actor) }));
    return this.key(id, keyId);
  }

  @Post('keys/:keyId/rotate')
  @ApiBearerAuth()
  @Roles('alliance-admin', 'institution-admin')
  @ApiOperation({ summary: 'Rotate a current key: it ends when its successor (the new public key given) starts' })
  async rotate(@Param('id') id: string, @Param('keyId') keyId: string, @Body() dto: RotateSigningKeyDto, @CurrentActor() actor: AuthenticatedActor): Promise<SigningKeyView> {
    const newKeyId = await this.rotateKey.execute(RotateSigningKeyCommand.create({ institutionId: id, keyId, ...plain(dto), ...commandMeta(actor) }));
    return this.key(id, newKeyId);
  }

  @Get('keys/:keyId/validity')
  @Public()
  @ApiOperation({ summary: 'Was this key valid for this member at the instant `at` (key window and membership standing)?' })
  validity(@Param('id') id: string, @Param('keyId') keyId: string, @Query() query: KeyValidityQueryDto): Promise<KeyValidityView> {
    return this.queries.keyValidity(id, keyId, query.at ?? new Date().toISOString());
  }

  private async key(id: string, keyId: string): Promise<SigningKeyView> {
    return (await this.queries.get(id)).keys.find((k) => k.keyId === keyId)!;
  }
}
