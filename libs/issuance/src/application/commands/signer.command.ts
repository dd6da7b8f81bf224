import { IsNotEmpty, IsString } from 'class-validator';
import type { AuthenticatedSigner } from '../signing/signer-authentication';
import { BaseCommand } from '../base.command';

/**
 * What an institution's own signer sends, once its token was checked: the actor is the signer
 * (`institution-signer`, for its institution) and the verification method it proved itself with.
 */
export abstract class SignerCommand<R> extends BaseCommand<R> {
  @IsString()
  @IsNotEmpty()
  verificationMethodId!: string;

  /** The authenticated signer, as the signing requests know it. */
  signer(): AuthenticatedSigner {
    return { institutionId: this.actor.institution!, verificationMethodId: this.verificationMethodId };
  }
}

/** Who a signer is as an actor of the events its replies write. */
export function signerActor(signer: AuthenticatedSigner) {
  return { subject: `signer:${signer.verificationMethodId}`, role: 'institution-signer', institution: signer.institutionId };
}
