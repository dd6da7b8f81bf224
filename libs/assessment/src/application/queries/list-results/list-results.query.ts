import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, Min } from 'class-validator';
import { BaseQuery } from '../../base.command';
import type { ResultView } from '../result-view';

export interface ResultPage {
  items: ResultView[];
  total: number;
  limit: number;
  offset: number;
}

/** Results (latest effective) by enrolment, learner, component, institution or batch. */
export class ListResultsQuery extends BaseQuery<ResultPage> {
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  enrolmentId?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  learnerId?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  componentCode?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  institutionId?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  batchId?: string;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit = 100;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset = 0;
}
