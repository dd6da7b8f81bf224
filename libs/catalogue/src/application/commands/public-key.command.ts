import { IsIn, IsObject, IsOptional, IsString } from 'class-validator';
import { BaseCommand } from '../base.command';

/** The public half of a signing key as adding and rotating hand it in; the catalogue never sees a private key. */
export abstract class PublicKeyCommand extends BaseCommand {
  @IsOptional()
  @IsString()
  publicKeyMultibase?: string;

  @IsOptional()
  @IsObject()
  publicKeyJwk?: Record<string, unknown>;

  @IsOptional()
  @IsIn(['issuance-service', 'institution'])
  custody?: 'issuance-service' | 'institution';
}
