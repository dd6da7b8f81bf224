import { OptionalText, PageLimit, PageOffset } from '@alliance/nest-kit';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ENROLMENT_STATUSES } from '../../application/queries/list-enrolments/list-enrolments.query';

export class ListEnrolmentsDto {
  @OptionalText({ description: 'Learner id or email address' })
  learner?: string;

  @OptionalText()
  specId?: string;

  @ApiPropertyOptional({ enum: ENROLMENT_STATUSES })
  @IsOptional()
  @IsIn(ENROLMENT_STATUSES)
  status?: (typeof ENROLMENT_STATUSES)[number];

  @OptionalText()
  institutionId?: string;

  @PageLimit({ default: 50, maximum: 500 })
  limit?: number;

  @PageOffset()
  offset?: number;
}
