import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { firstVersionKeyedBy } from '../contract';
import { IsInstant } from '../validation';
import {
  AwardingBodyV1,
  ComponentV1,
  GradingSchemeV1,
  IssuanceRuleV1,
  LearningOutcomeV1,
  QualityAssuranceV1,
  StackabilityV1,
  StackPartV1,
} from './credential-spec-parts';

const bySpec = (p: { credentialSpecId: string }) => p.credentialSpecId;
const specContract = firstVersionKeyedBy(bySpec);

/**
 * A version of a joint micro-credential was published: the complete, self-contained definition, so that
 * enrolment can offer it, assessment knows which institution owns which component, and issuance can build
 * and sign the credential (every Annex I element that belongs to the definition) without asking back.
 */
export class CredentialSpecPublishedV1 {
  @IsString() @IsNotEmpty() credentialSpecId!: string;
  @IsInt() @Min(1) version!: number;
  @IsOptional() @IsInt() @Min(1) supersedesVersion?: number;
  @IsInstant() publishedAt!: string;

  @IsString() @IsNotEmpty() title!: string;
  @IsOptional() @IsString() description?: string;
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => LearningOutcomeV1) learningOutcomes!: LearningOutcomeV1[];
  /** Notional workload in ECTS credits. */
  @IsNumber() @IsPositive() ects!: number;
  @IsOptional() @IsNumber() @IsPositive() workloadHours?: number;
  @IsInt() @Min(1) @Max(8) eqfLevel!: number;
  @IsOptional() @IsIn(['short-cycle', 'first-cycle', 'second-cycle', 'third-cycle']) qfEheaCycle?: string;
  @IsString() @IsNotEmpty() assessmentType!: string;
  @IsIn(['online', 'onsite', 'blended']) formOfParticipation!: 'online' | 'onsite' | 'blended';
  @ValidateNested() @Type(() => QualityAssuranceV1) qualityAssurance!: QualityAssuranceV1;
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => AwardingBodyV1) awardingBodies!: AwardingBodyV1[];
  /** Empty only for a stack made purely of other published definitions (see stackParts). */
  @IsArray() @ValidateNested({ each: true }) @Type(() => ComponentV1) components!: ComponentV1[];
  @ValidateNested() @Type(() => IssuanceRuleV1) issuanceRule!: IssuanceRuleV1;
  /** BCP 47 tags. */
  @IsArray() @IsString({ each: true }) languages!: string[];
  @IsOptional() @IsInt() @IsPositive() validityMonths?: number;
  @IsOptional() @IsString() prerequisites?: string;
  @IsOptional()
  @IsIn([
    'unsupervised-no-identity-verification',
    'supervised-no-identity-verification',
    'supervised-online-identity-verification',
    'supervised-onsite-identity-verification',
  ])
  supervisionAndIdentityVerification?: string;
  @IsOptional() @ValidateNested() @Type(() => GradingSchemeV1) gradingScheme?: GradingSchemeV1;
  @IsOptional() @ValidateNested() @Type(() => StackabilityV1) stackability?: StackabilityV1;
  @IsArray() @ValidateNested({ each: true }) @Type(() => StackPartV1) stackParts!: StackPartV1[];
  @IsOptional() @IsString() furtherInformation?: string;
}

/** No new enrolments or issuances on this version; credentials already issued stay valid. */
export class CredentialSpecRetiredV1 {
  @IsString() @IsNotEmpty() credentialSpecId!: string;
  @IsInt() @Min(1) version!: number;
  @IsString() @IsNotEmpty() reason!: string;
  @IsInstant() retiredAt!: string;
}

export const credentialSpecPublishedV1 = specContract('catalogue.credential-spec.published', CredentialSpecPublishedV1);
export const credentialSpecRetiredV1 = specContract('catalogue.credential-spec.retired', CredentialSpecRetiredV1);
