import { Type } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUrl, Matches, ValidateNested } from 'class-validator';
import { firstVersionKeyedBy } from '../contract';
import { IsInstant } from '../validation';
import { SigningKeyV1 } from './signing-key';

const byInstitution = (p: { institutionId: string }) => p.institutionId;
const institutionContract = firstVersionKeyedBy(byInstitution);

/** A member joined the alliance; consumers keep its name, country and DID for credentials and verification. */
export class InstitutionRegisteredV1 {
  @IsString() @IsNotEmpty() institutionId!: string;
  @IsString() @IsNotEmpty() name!: string;
  @IsString() @IsNotEmpty() legalName!: string;
  /** ISO 3166-1 alpha-2 (Annex I: country of the issuer). */
  @Matches(/^[A-Z]{2}$/) countryCode!: string;
  @IsOptional() @IsString() region?: string;
  @IsUrl({ require_tld: false }) homepage!: string;
  @Matches(/^did:[a-z0-9]+:.+$/) did!: string;
  @IsInstant() registeredAt!: string;
  /**
   * `pending` until the member's own institution-admin registers its first key (then
   * `catalogue.institution.activated`); absent on members registered before onboarding existed, which are active.
   */
  @IsOptional() @IsIn(['pending', 'active']) status?: 'pending' | 'active';
}

/**
 * Whether a membership fact (registered, activated, suspended, reinstated, removed) replaces the standing a
 * consumer already holds: a removal is final, and an older fact arriving late never overwrites a newer one.
 */
export function membershipFactApplies(known: { status: string; since: string } | undefined | null, since: string): boolean {
  return !known || (known.status !== 'removed' && Date.parse(known.since) <= Date.parse(since));
}

/** The member's own admin registered its first key: from `activatedAt` it may award, approve and sign. */
export class InstitutionActivatedV1 {
  @IsString() @IsNotEmpty() institutionId!: string;
  @IsInstant() activatedAt!: string;
}

export class InstitutionKeyAddedV1 {
  @IsString() @IsNotEmpty() institutionId!: string;
  @ValidateNested() @Type(() => SigningKeyV1) key!: SigningKeyV1;
}

/** Both halves of a rotation at once, so no consumer ever sees two open keys or none. */
export class InstitutionKeyRotatedV1 {
  @IsString() @IsNotEmpty() institutionId!: string;
  @IsString() @IsNotEmpty() previousKeyId!: string;
  @IsInstant() previousValidUntil!: string;
  @ValidateNested() @Type(() => SigningKeyV1) newKey!: SigningKeyV1;
  @IsOptional() @IsString() reason?: string;
}

/**
 * A key withdrawn by its institution. Without `compromisedSince` it is a retirement: signatures made before
 * `revokedAt` stay valid. With it, every signature made at or after `compromisedSince` is invalid.
 */
export class InstitutionKeyRevokedV1 {
  @IsString() @IsNotEmpty() institutionId!: string;
  @IsString() @IsNotEmpty() keyId!: string;
  @IsString() @IsNotEmpty() reason!: string;
  @IsInstant() revokedAt!: string;
  @IsOptional() @IsInstant() compromisedSince?: string;
}

export class InstitutionSuspendedV1 {
  @IsString() @IsNotEmpty() institutionId!: string;
  @IsString() @IsNotEmpty() reason!: string;
  @IsInstant() suspendedAt!: string;
}

export class InstitutionReinstatedV1 {
  @IsString() @IsNotEmpty() institutionId!: string;
  @IsInstant() reinstatedAt!: string;
}

export class InstitutionRemovedV1 {
  @IsString() @IsNotEmpty() institutionId!: string;
  @IsString() @IsNotEmpty() reason!: string;
  @IsInstant() removedAt!: string;
}

export const institutionRegisteredV1 = institutionContract('catalogue.institution.registered', InstitutionRegisteredV1);
export const institutionKeyAddedV1 = institutionContract('catalogue.institution.key-added', InstitutionKeyAddedV1);
export const institutionKeyRotatedV1 = institutionContract('catalogue.institution.key-rotated', InstitutionKeyRotatedV1);
export const institutionSuspendedV1 = institutionContract('catalogue.institution.suspended', InstitutionSuspendedV1);
export const institutionReinstatedV1 = institutionContract('catalogue.institution.reinstated', InstitutionReinstatedV1);
export const institutionRemovedV1 = institutionContract('catalogue.institution.removed', InstitutionRemovedV1);
export const institutionActivatedV1 = institutionContract('catalogue.institution.activated', InstitutionActivatedV1);
export const institutionKeyRevokedV1 = institutionContract('catalogue.institution.key-revoked', InstitutionKeyRevokedV1);

/** Every contract about a member institution (registration, standing, keys): what a copy of the registry follows. */
export const INSTITUTION_CONTRACTS = [
  institutionRegisteredV1,
  institutionActivatedV1,
  institutionKeyAddedV1,
  institutionKeyRotatedV1,
  institutionKeyRevokedV1,
  institutionSuspendedV1,
  institutionReinstatedV1,
  institutionRemovedV1,
] as const;
