import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { ResultRowInput } from '../../application/batch/result-row.input';

export class PublishResultDto extends ResultRowInput {
  @ApiPropertyOptional({ description: 'Client-chosen UUID: a retried request then records the result once' })
  @IsOptional()
  @IsUUID()
  resultId?: string;
}
