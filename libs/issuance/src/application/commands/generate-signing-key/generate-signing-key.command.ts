import { KeyPossessionChallengeV1 } from '@alliance/contracts';
import { Type } from 'class-transformer';
import { IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { BaseCommand } from '../../base.command';
import type { KeyPossessionProof } from '@alliance/credentials';

/** The public half of the generated key and its signature over the challenge; never the private half. */
export interface GenerateSigningKeyResult {
  institutionId: string;
  keyRef: string;
  type: 'Multikey';
  algorithm: 'Ed25519';
  publicKeyMultibase: string;
  custody: 'issuance-service';
  keyId: string;
  generatedAt: string;
  proofOfPossession: KeyPossessionProof;
}

export class GenerateSigningKeyCommand extends BaseCommand<GenerateSigningKeyResult> {
  @IsUUID()
  institutionId!: string;

  /** The catalogue's possession challenge for the key about to be registered; the new key signs it. */
  // Optional here so that who may ask is decided before what was asked (403 before 422); the handler requires it.
  @IsOptional()
  @ValidateNested()
  @Type(() => KeyPossessionChallengeV1)
  challenge?: KeyPossessionChallengeV1;
}
