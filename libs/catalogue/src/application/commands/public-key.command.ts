import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsObject, IsOptional, IsString, ValidateNested } from 'class-validator';
import { BaseCommand } from '../base.command';
import { ProofOfPossessionInput } from './proof-of-possession.input';

/**
 * The public half of a signing key as adding and rotating hand it in, with the proof that the caller holds
 * the private half; the catalogue never sees a private key.
 */
export abstract class PublicKeyCommand<R> extends BaseCommand<R> {
  @IsOptional()
  @IsString()
  publicKeyMultibase?: string;

  @IsOptional()
  @IsObject()
  publicKeyJwk?: Record<string, unknown>;

  @IsOptional()
  @IsIn(['issuance-service', 'institution'])
  custody?: 'issuance-service' | 'institution';

  @IsDefined()
  @ValidateNested()
  @Type(() => ProofOfPossessionInput)
  proofOfPossession!: ProofOfPossessionInput;
}
