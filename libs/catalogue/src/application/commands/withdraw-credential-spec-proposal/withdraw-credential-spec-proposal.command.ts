import { IsString, MaxLength } from 'class-validator';
import { BaseCommand } from '../../base.command';

/** Takes a proposed version back to draft (its approvals lapse), to revise it. */
export class WithdrawCredentialSpecProposalCommand extends BaseCommand {
  @IsString()
  credentialSpecId!: string;

  @IsString()
  @MaxLength(1000)
  reason!: string;
}
