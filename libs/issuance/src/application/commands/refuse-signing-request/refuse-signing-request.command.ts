import { IsString, IsUUID } from 'class-validator';
import type { SigningRequests } from '../../signing/signing-requests';
import { SignerCommand } from '../signer.command';

export type RefuseSigningRequestResult = Awaited<ReturnType<SigningRequests['refuse']>>;

/** An institution's signer declines a request, with a reason; the credential is held until it is reopened. */
export class RefuseSigningRequestCommand extends SignerCommand<RefuseSigningRequestResult> {
  @IsUUID()
  credentialId!: string;

  @IsString()
  code!: string;

  @IsString()
  reason!: string;
}
