import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, Min } from 'class-validator';
import { BaseCommand } from '../../base.command';

export class ListResultsQuery extends BaseCommand {
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
