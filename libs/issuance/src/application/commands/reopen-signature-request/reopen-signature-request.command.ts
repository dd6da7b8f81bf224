import { IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import type { SignatureStatus } from '../../signing/signature-status';
import { BaseCommand } from '../../base.command';

/** Ask an awarding body's signer that declined to sign again, after the cause was dealt with. */
export class ReopenSignatureRequestCommand extends BaseCommand<SignatureStatus> {
  @IsUUID()
  credentialId!: string;

  @IsUUID()
  institutionId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}
