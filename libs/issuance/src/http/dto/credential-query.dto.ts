import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, Min } from 'class-validator';

export class CredentialQueryDto {
  @ApiPropertyOptional({ description: 'Learner id (as enrolment knows the learner)' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  learner?: string;

  @ApiPropertyOptional({ description: 'Credential definition id' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  specId?: string;

  @ApiPropertyOptional({ default: 50, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit = 50;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset = 0;
}
