import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  IsUrl,
  Matches,
  Min,
} from 'class-validator';
import { IsGrade } from '../validation';

/** Parts of a published definition, as frozen at publication: credentials name members this way for ever. */

export class LearningOutcomeV1 {
  @IsString() @IsNotEmpty() description!: string;
  @IsOptional() @IsUrl({ require_tld: false }) escoSkillUri?: string;
}

export class QualityAssuranceV1 {
  @IsString() @IsNotEmpty() type!: string;
  @IsString() @IsNotEmpty() body!: string;
  @IsOptional() @IsUrl({ require_tld: false }) bodyUrl?: string;
}

export class AwardingBodyV1 {
  @IsString() @IsNotEmpty() institutionId!: string;
  /** Exactly one lead: the credential's `issuer`. */
  @IsBoolean() lead!: boolean;
  @IsString() @IsNotEmpty() name!: string;
  @IsString() @IsNotEmpty() legalName!: string;
  @Matches(/^did:[a-z0-9]+:.+$/) did!: string;
  @Matches(/^[A-Z]{2}$/) countryCode!: string;
  @IsOptional() @IsString() region?: string;
  @IsUrl({ require_tld: false }) homepage!: string;
}

/** What one institution teaches and assesses: assessment lets only its registrars publish results for it. */
export class ComponentV1 {
  /** Unique within the definition; results are published against it. */
  @IsString() @IsNotEmpty() code!: string;
  @IsString() @IsNotEmpty() title!: string;
  /** The owning institution. */
  @IsString() @IsNotEmpty() institutionId!: string;
  @Matches(/^did:[a-z0-9]+:.+$/) institutionDid!: string;
  @IsString() @IsNotEmpty() institutionName!: string;
  /** This component's share of the workload. */
  @IsNumber() @IsPositive() ects!: number;
  @IsOptional() @IsString() description?: string;
}

export class IssuanceRuleV1 {
  @IsBoolean() allComponentsPassed!: boolean;
  @IsOptional() @IsGrade() minimumGrade?: number | string;
  @IsOptional() @IsInt() @IsPositive() withinMonths?: number;
  @IsOptional() @IsBoolean() allStackPartsAwarded?: boolean;
}

export class GradingSchemeV1 {
  @IsIn(['pass-fail', 'numeric', 'letter']) type!: 'pass-fail' | 'numeric' | 'letter';
  @IsOptional() @IsString() description?: string;
  @IsOptional() @IsNumber() minimum?: number;
  @IsOptional() @IsNumber() maximum?: number;
  @IsOptional() @IsNumber() passMark?: number;
  /** Best first. */
  @IsOptional() @IsArray() @IsString({ each: true }) letters?: string[];
  @IsOptional() @IsString() lowestPassingLetter?: string;
}

export class StackabilityV1 {
  @IsIn(['stand-alone', 'stackable']) option!: 'stand-alone' | 'stackable';
  @IsOptional() @IsString() towards?: string;
}

export class StackPartV1 {
  @IsString() @IsNotEmpty() credentialSpecId!: string;
  @IsInt() @Min(1) version!: number;
  @IsString() @IsNotEmpty() title!: string;
  @IsNumber() @IsPositive() ects!: number;
}
