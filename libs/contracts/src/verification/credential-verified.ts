import { IsArray, IsBoolean, IsNotEmpty, IsOptional, IsString } from 'class-validator';
import { defineContract } from '../contract';
import { IsInstant } from '../validation';

/** Someone checked a credential; audit and statistics consume it. No personal data of the verifier. */
export class CredentialVerifiedV1 {
  @IsString() @IsNotEmpty() verificationId!: string;
  /** Absent when the presented document named no credential id this platform issued. */
  @IsOptional() @IsString() credentialId?: string;
  @IsBoolean() verified!: boolean;
  /** Codes of the checks that failed, e.g. `proof-invalid`, `co-issuer-missing`, `revoked`; empty when verified. */
  @IsArray() @IsString({ each: true }) failedChecks!: string[];
  @IsInstant() verifiedAt!: string;
}

export const credentialVerifiedV1 = defineContract({
  type: 'verification.credential.verified',
  version: 1,
  payload: CredentialVerifiedV1,
  key: (p) => p.credentialId ?? p.verificationId,
});
