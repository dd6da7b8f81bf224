import { KeyPossessionChallengeV1 } from '@alliance/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, ValidateNested } from 'class-validator';
import type { SigningPolicy } from '../../domain/credential/credential.events';
import { SIGNING_POLICIES } from '../../domain/signing/signer.decider';

export class SigningPolicyDto {
  @ApiProperty({
    enum: SIGNING_POLICIES,
    description:
      'institution-signer: your own signer signs (default); automatic: the platform signs with the key it holds for you; manual: each credential waits for your admin',
  })
  @IsIn(SIGNING_POLICIES)
  policy!: SigningPolicy;
}

export class GenerateSigningKeyDto {
  @ApiProperty({ description: "Required: the catalogue's answer to POST /institutions/{id}/key-challenges (its `challenge` object)" })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => KeyPossessionChallengeV1)
  challenge?: KeyPossessionChallengeV1;
}
