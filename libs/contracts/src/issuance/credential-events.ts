import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Min, ValidateNested } from 'class-validator';
import { firstVersionKeyedBy } from '../contract';
import { IsInstant } from '../validation';

const byCredential = (p: { credentialId: string }) => p.credentialId;
const credentialContract = firstVersionKeyedBy(byCredential);

/** The credential's slot in its lead institution's Bitstring Status Lists. */
export class StatusSlotV1 {
  @IsString() @IsNotEmpty() listId!: string;
  @IsInt() @Min(0) index!: number;
}

/** Every awarding body signed: the credential exists. Verification and audit learn of it here. */
export class CredentialIssuedV1 {
  @IsString() @IsNotEmpty() credentialId!: string;
  /** SHA-256 (hex) over the JCS form of the signed credential. */
  @Matches(/^[0-9a-f]{64}$/) hash!: string;
  @IsString() @IsNotEmpty() credentialSpecId!: string;
  @IsInt() @Min(1) specVersion!: number;
  @IsString() @IsNotEmpty() learnerId!: string;
  /** Institution ids of the awarding bodies, lead first. */
  @IsArray() @ArrayMinSize(1) @IsString({ each: true }) awardingBodies!: string[];
  @IsInstant() awardedAt!: string;
  @IsInstant() issuedAt!: string;
  @IsOptional() @IsInstant() validUntil?: string;
  @ValidateNested() @Type(() => StatusSlotV1) status!: StatusSlotV1;
  /** The credential this one replaces after an amendment (that one is revoked). */
  @IsOptional() @IsString() supersedes?: string;
}

export class CredentialSuspendedV1 {
  @IsString() @IsNotEmpty() credentialId!: string;
  @IsString() @IsNotEmpty() reason!: string;
  @ValidateNested() @Type(() => StatusSlotV1) status!: StatusSlotV1;
}

export class CredentialReinstatedV1 {
  @IsString() @IsNotEmpty() credentialId!: string;
  @IsString() @IsNotEmpty() reason!: string;
  @ValidateNested() @Type(() => StatusSlotV1) status!: StatusSlotV1;
}

/** Final. */
export class CredentialRevokedV1 {
  @IsString() @IsNotEmpty() credentialId!: string;
  @IsString() @IsNotEmpty() reason!: string;
  @IsOptional() @IsString() supersededBy?: string;
  @ValidateNested() @Type(() => StatusSlotV1) status!: StatusSlotV1;
}

/**
 * An awarding body's own signer declined to sign a credential, with its reason: the credential is held
 * (not issued) until the request is reopened. The alliance's tooling and auditors follow these.
 */
export class CredentialSignatureRefusedV1 {
  @IsString() @IsNotEmpty() credentialId!: string;
  @IsString() @IsNotEmpty() institutionId!: string;
  @IsString() @IsNotEmpty() code!: string;
  @IsString() @IsNotEmpty() reason!: string;
  @IsInstant() refusedAt!: string;
}

export const credentialSignatureRefusedV1 = credentialContract('issuance.credential.signature-refused', CredentialSignatureRefusedV1);
export const credentialIssuedV1 = credentialContract('issuance.credential.issued', CredentialIssuedV1);
export const credentialSuspendedV1 = credentialContract('issuance.credential.suspended', CredentialSuspendedV1);
export const credentialReinstatedV1 = credentialContract('issuance.credential.reinstated', CredentialReinstatedV1);
export const credentialRevokedV1 = credentialContract('issuance.credential.revoked', CredentialRevokedV1);
