import { IsString } from 'class-validator';
import { BaseCommand } from '../../base.command';

/** Asks every awarding body to approve the draft version. */
export class ProposeCredentialSpecCommand extends BaseCommand {
  @IsString()
  credentialSpecId!: string;
}
