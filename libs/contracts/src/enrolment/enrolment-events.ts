import { Type } from 'class-transformer';
import { IsEmail, IsInt, IsNotEmpty, IsOptional, IsString, Min, ValidateNested } from 'class-validator';
import { firstVersionKeyedBy } from '../contract';
import { IsInstant } from '../validation';

/**
 * Every enrolment event is keyed by learner, not by enrolment: a learner's erasure must never overtake an
 * earlier event about one of their enrolments on another partition.
 */
const byLearner = (p: { learnerId: string }) => p.learnerId;
const learnerContract = firstVersionKeyedBy(byLearner);

/** Annex I "identification of the learner": what the credential will name. Erased on `learner.erased`. */
export class LearnerV1 {
  @IsString() @IsNotEmpty() learnerId!: string;
  @IsString() @IsNotEmpty() name!: string;
  @IsOptional() @IsEmail() email?: string;
}

export class SpecVersionRefV1 {
  @IsString() @IsNotEmpty() credentialSpecId!: string;
  @IsInt() @Min(1) specVersion!: number;
}

export class LearnerEnrolledV1 {
  @IsString() @IsNotEmpty() enrolmentId!: string;
  @IsString() @IsNotEmpty() learnerId!: string;
  @ValidateNested() @Type(() => LearnerV1) learner!: LearnerV1;
  @IsString() @IsNotEmpty() credentialSpecId!: string;
  @IsInt() @Min(1) specVersion!: number;
  /** The learner's home institution, when they came through one. */
  @IsOptional() @IsString() institutionId?: string;
  /** Issuance rules with `withinMonths` count from here. */
  @IsInstant() enrolledAt!: string;
}

export class LearnerWithdrawnV1 {
  @IsString() @IsNotEmpty() enrolmentId!: string;
  @IsString() @IsNotEmpty() learnerId!: string;
  @IsString() @IsNotEmpty() credentialSpecId!: string;
  @IsInt() @Min(1) specVersion!: number;
  @IsString() @IsNotEmpty() reason!: string;
  @IsInstant() withdrawnAt!: string;
}

/** The learner finished the learning activity (results may still be pending or amended). */
export class LearnerCompletedV1 {
  @IsString() @IsNotEmpty() enrolmentId!: string;
  @IsString() @IsNotEmpty() learnerId!: string;
  @IsString() @IsNotEmpty() credentialSpecId!: string;
  @IsInt() @Min(1) specVersion!: number;
  @IsInstant() completedAt!: string;
}

/** The enrolment moved to another definition or version; results of components both share carry over. */
export class LearnerTransferredV1 {
  @IsString() @IsNotEmpty() enrolmentId!: string;
  @IsString() @IsNotEmpty() learnerId!: string;
  @ValidateNested() @Type(() => SpecVersionRefV1) from!: SpecVersionRefV1;
  @ValidateNested() @Type(() => SpecVersionRefV1) to!: SpecVersionRefV1;
  @IsOptional() @IsString() reason?: string;
  @IsInstant() transferredAt!: string;
}

/** GDPR erasure: every consumer deletes or pseudonymises what it holds about this learner. */
export class LearnerErasedV1 {
  @IsString() @IsNotEmpty() learnerId!: string;
  @IsInstant() erasedAt!: string;
}

export const learnerEnrolledV1 = learnerContract('enrolment.learner.enrolled', LearnerEnrolledV1);
export const learnerWithdrawnV1 = learnerContract('enrolment.learner.withdrawn', LearnerWithdrawnV1);
export const learnerCompletedV1 = learnerContract('enrolment.learner.completed', LearnerCompletedV1);
export const learnerTransferredV1 = learnerContract('enrolment.learner.transferred', LearnerTransferredV1);
export const learnerErasedV1 = learnerContract('enrolment.learner.erased', LearnerErasedV1);
