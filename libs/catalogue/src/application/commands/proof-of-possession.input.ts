import { IsNotEmpty, IsString } from 'class-validator';

/** The answer to a key challenge: its nonce, and the new key's base64url Ed25519 signature over it. */
export class ProofOfPossessionInput {
  @IsString()
  @IsNotEmpty()
  nonce!: string;

  @IsString()
  @IsNotEmpty()
  signature!: string;
}
