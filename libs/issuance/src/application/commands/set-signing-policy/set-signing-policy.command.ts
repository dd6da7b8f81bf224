import { IsIn, IsUUID } from 'class-validator';
import type { SigningPolicy } from '../../../domain/credential/credential.events';
import { SIGNING_POLICIES } from '../../../domain/signing/signer.decider';
import { BaseCommand } from '../../base.command';

export interface SetSigningPolicyResult {
  institutionId: string;
  policy: SigningPolicy;
}

export class SetSigningPolicyCommand extends BaseCommand<SetSigningPolicyResult> {
  @IsUUID()
  institutionId!: string;

  @IsIn(SIGNING_POLICIES)
  policy!: SigningPolicy;
}
