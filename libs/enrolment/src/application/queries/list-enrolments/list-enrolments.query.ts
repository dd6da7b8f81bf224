import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, Min } from 'class-validator';
import { BaseQuery } from '../../base.command';
import type { EnrolmentView } from '../enrolment-view';

export interface EnrolmentPage {
  items: EnrolmentView[];
  total: number;
  limit: number;
  offset: number;
}

export const ENROLMENT_STATUSES = ['active', 'withdrawn', 'completed'] as const;

/** Lists enrolments by learner (id or email), definition, status and enrolling institution. */
export class ListEnrolmentsQuery extends BaseQuery<EnrolmentPage> {
  /** A learner id, or the learner's email address. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  learner?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  specId?: string;

  @IsOptional()
  @IsIn(ENROLMENT_STATUSES)
  status?: (typeof ENROLMENT_STATUSES)[number];

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  institutionId?: string;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit = 50;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset = 0;
}
