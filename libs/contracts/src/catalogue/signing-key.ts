import { Type } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, ValidateNested } from 'class-validator';
import { IsInstant } from '../validation';

/** The challenge the catalogue issued for a key registration (institution, key id, single-use nonce, expiry). */
export class KeyPossessionChallengeV1 {
  @IsIn(['alliance-key-possession']) type!: 'alliance-key-possession';
  @IsString() @IsNotEmpty() institutionId!: string;
  @IsString() @IsNotEmpty() keyId!: string;
  @IsString() @IsNotEmpty() nonce!: string;
  @IsInstant() expiresAt!: string;
}

export class KeyPossessionV1 {
  @ValidateNested() @Type(() => KeyPossessionChallengeV1) challenge!: KeyPossessionChallengeV1;
  /** base64url Ed25519 signature by the registered key over the JCS form of `challenge`. */
  @Matches(/^[A-Za-z0-9_-]{86}$/) signature!: string;
}

/** A public key an institution signs credentials with, and the window in which its signatures count. */
export class SigningKeyV1 {
  /** Fragment of the verification method, e.g. `key-1`. */
  @IsString() @IsNotEmpty() keyId!: string;
  /** `<did>#<keyId>`: what a Data Integrity proof names in `verificationMethod`. */
  @Matches(/^did:[a-z0-9]+:.+#.+$/) verificationMethodId!: string;
  @IsIn(['Multikey']) type!: 'Multikey';
  @IsIn(['Ed25519']) algorithm!: 'Ed25519';
  /** Multibase (base58btc, `z…`) Ed25519 public key. */
  @Matches(/^z[1-9A-HJ-NP-Za-km-z]+$/) publicKeyMultibase!: string;
  /** Who holds the private key; issuance signs by itself only with `issuance-service` keys. */
  @IsIn(['issuance-service', 'institution']) custody!: 'issuance-service' | 'institution';
  @IsInstant() validFrom!: string;
  @IsOptional() @IsInstant() validUntil?: string;
  /**
   * The institution's proof that it holds the private key: the catalogue's challenge and the key's
   * signature over it (`keyPossessionSigningInput` in libs/credentials). Consumers re-check it; a key whose
   * proof does not verify is not bound to the institution. Absent only on keys registered before proofs existed.
   */
  @IsOptional() @ValidateNested() @Type(() => KeyPossessionV1) possession?: KeyPossessionV1;
}
