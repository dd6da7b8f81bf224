import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import type { SigningPolicy } from '../../domain/credential/credential.events';
import { SIGNING_POLICIES } from '../../domain/signing/signer.decider';

export class SigningPolicyDto {
  @ApiProperty({ enum: SIGNING_POLICIES, description: 'automatic: the platform signs with the key it holds; manual: each credential waits for your admin' })
  @IsIn(SIGNING_POLICIES)
  policy!: SigningPolicy;
}
