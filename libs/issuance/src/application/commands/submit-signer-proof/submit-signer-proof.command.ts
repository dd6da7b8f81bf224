import { IsObject, IsUUID } from 'class-validator';
import type { SigningRequests } from '../../signing/signing-requests';
import { SignerCommand } from '../signer.command';

export type SubmitSignerProofResult = Awaited<ReturnType<SigningRequests['submitProof']>>;

/** An institution's signer hands in its proof over a request's document; checked before it counts. */
export class SubmitSignerProofCommand extends SignerCommand<SubmitSignerProofResult> {
  @IsUUID()
  credentialId!: string;

  @IsObject()
  proof!: Record<string, unknown>;
}
