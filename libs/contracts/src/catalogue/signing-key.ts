import { IsIn, IsNotEmpty, IsOptional, IsString, Matches } from 'class-validator';
import { IsInstant } from '../validation';

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
}
