import { IsBoolean, IsInt, IsNotEmpty, IsOptional, IsString, Min } from 'class-validator';
import { firstVersionKeyedBy } from '../contract';
import { IsGrade, IsInstant } from '../validation';

/** Keyed by learner, like enrolment, so a learner's results and erasure stay in one order. */
const byLearner = (p: { learnerId: string }) => p.learnerId;
const resultContract = firstVersionKeyedBy(byLearner);

/** A registrar of the component's owning institution published a learner's result for it. */
export class ResultRecordedV1 {
  @IsString() @IsNotEmpty() resultId!: string;
  @IsString() @IsNotEmpty() enrolmentId!: string;
  @IsString() @IsNotEmpty() learnerId!: string;
  @IsString() @IsNotEmpty() credentialSpecId!: string;
  @IsInt() @Min(1) specVersion!: number;
  @IsString() @IsNotEmpty() componentCode!: string;
  /** The institution that owns the component and assessed it. */
  @IsString() @IsNotEmpty() institutionId!: string;
  @IsBoolean() passed!: boolean;
  /** On the definition's grading scheme; absent for pass/fail. */
  @IsOptional() @IsGrade() grade?: number | string;
  @IsInstant() assessedAt!: string;
  @IsInstant() recordedAt!: string;
}

/** The result replaces the earlier one with the same `resultId`; issuance re-evaluates (and may revoke). */
export class ResultAmendedV1 {
  @IsString() @IsNotEmpty() resultId!: string;
  @IsString() @IsNotEmpty() enrolmentId!: string;
  @IsString() @IsNotEmpty() learnerId!: string;
  @IsString() @IsNotEmpty() credentialSpecId!: string;
  @IsInt() @Min(1) specVersion!: number;
  @IsString() @IsNotEmpty() componentCode!: string;
  @IsString() @IsNotEmpty() institutionId!: string;
  @IsBoolean() passed!: boolean;
  @IsOptional() @IsGrade() grade?: number | string;
  @IsInstant() assessedAt!: string;
  @IsString() @IsNotEmpty() reason!: string;
  @IsInstant() amendedAt!: string;
}

export const resultRecordedV1 = resultContract('assessment.result.recorded', ResultRecordedV1);
export const resultAmendedV1 = resultContract('assessment.result.amended', ResultAmendedV1);
