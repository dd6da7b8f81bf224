import { IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { BaseCommand } from '../base.command';

/** An admin's decision on one credential, with the reason it is recorded with (suspend, reinstate, revoke, lift). */
export abstract class ReasonedCredentialCommand<R> extends BaseCommand<R> {
  @IsUUID()
  credentialId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}
